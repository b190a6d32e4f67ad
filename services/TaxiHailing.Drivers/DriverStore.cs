using Npgsql;
using NpgsqlTypes;
using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers;

/// <summary>Drivers in driversdb: reads, and each change in a transaction of its own through <see cref="DriverLedger"/>.</summary>
public sealed class DriverStore(NpgsqlDataSource dataSource, Messaging.Outbox outbox, TimeProvider clock)
{
    public Task<RegistrationOutcome> RegisterAsync(
        Guid id, DriverRegistration registration, string? idempotencyKey, CancellationToken cancellationToken) =>
        InTransactionAsync(ledger => ledger.RegisterAsync(id, registration, idempotencyKey, cancellationToken), cancellationToken);

    public Task<AvailabilityChange?> ChangeAvailabilityAsync(Guid id, bool online, GeoPoint? position, CancellationToken cancellationToken) =>
        InTransactionAsync(ledger => ledger.ChangeAvailabilityAsync(id, online, position, cancellationToken), cancellationToken);

    public Task<LocationReportOutcome> ReportLocationAsync(Guid id, GeoPoint position, CancellationToken cancellationToken) =>
        InTransactionAsync(ledger => ledger.ReportLocationAsync(id, position, cancellationToken), cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns (nothing is written when it throws).</summary>
    public async Task<T> InTransactionAsync<T>(Func<DriverLedger, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(new DriverLedger(transaction, outbox, clock));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<Driver?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {DriverRows.Columns} FROM drivers WHERE id = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = id });
        return await DriverRows.ReadSingleAsync(select, cancellationToken);
    }

    /// <summary>The drivers with the given ids that exist, in no particular order.</summary>
    public Task<IReadOnlyList<Driver>> FindManyAsync(Guid[] ids, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {DriverRows.Columns} FROM drivers WHERE id = ANY($1)", new NpgsqlParameter { Value = ids }, cancellationToken);

    /// <summary>Every driver, or only the online (or offline) ones, by name.</summary>
    public Task<IReadOnlyList<Driver>> ListAsync(bool? online, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {DriverRows.Columns} FROM drivers WHERE $1 IS NULL OR online = $1 ORDER BY name, id",
            new NpgsqlParameter { Value = (object?)online ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean }, cancellationToken);

    /// <summary>How many drivers of the whole fleet are online and how many offline.</summary>
    public async Task<(int Online, int Offline)> CountAsync(CancellationToken cancellationToken)
    {
        await using var count = dataSource.CreateCommand("SELECT count(*) FILTER (WHERE online), count(*) FILTER (WHERE NOT online) FROM drivers");
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    private async Task<IReadOnlyList<Driver>> ListAsync(string sql, NpgsqlParameter parameter, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(sql);
        select.Parameters.Add(parameter);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var drivers = new List<Driver>();
        while (await reader.ReadAsync(cancellationToken)) drivers.Add(await DriverRows.ReadAsync(reader, cancellationToken));
        return drivers;
    }
}
