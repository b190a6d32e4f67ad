using Npgsql;

namespace TaxiHailing.Dispatcher;

/// <summary>Read-only views of the fleet and the dispatch decisions in dispatchdb, for the HTTP API.</summary>
public sealed class DispatchStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Driver>> ListDriversAsync(CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {DriverRows.Columns} FROM {DriverRows.WithPositions} ORDER BY d.name, d.id");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var drivers = new List<Driver>();
        while (await reader.ReadAsync(cancellationToken))
        {
            drivers.Add(await DriverRows.ReadAsync(reader, cancellationToken));
        }

        return drivers;
    }

    public async Task<DispatchDecision?> FindDecisionAsync(Guid tripId, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand("SELECT trip_id, driver_id, decided_at FROM assignments WHERE trip_id = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = tripId });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DispatchDecision(
            TripId: reader.GetGuid(0),
            DriverId: await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetGuid(1),
            DecidedAt: reader.GetFieldValue<DateTimeOffset>(2));
    }
}
