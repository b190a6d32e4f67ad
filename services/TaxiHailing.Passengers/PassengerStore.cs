using Npgsql;

namespace TaxiHailing.Passengers;

/// <summary>Passenger accounts in passengersdb.</summary>
public sealed class PassengerStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns = "id, name, phone, status, registered_at";

    /// <summary>
    /// Registers the account <paramref name="id"/>; when it was registered before with the same
    /// <paramref name="idempotencyKey"/>, that registration is repeated. The unique id and key decide, so two
    /// concurrent requests cannot both register.
    /// </summary>
    public async Task<PassengerRegistrationOutcome> RegisterAsync(
        Guid id, PassengerRegistration registration, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using var insert = dataSource.CreateCommand($"""
            INSERT INTO passengers (id, name, phone, status, registered_at, idempotency_key)
            VALUES (@id, @name, @phone, @status, @registeredAt, @idempotencyKey)
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("name", registration.Name);
        insert.Parameters.AddWithValue("phone", registration.Phone);
        insert.Parameters.AddWithValue("status", PassengerStatus.Active.Name());
        insert.Parameters.AddWithValue("registeredAt", clock.GetUtcNow());
        insert.Parameters.AddWithValue("idempotencyKey", (object?)idempotencyKey ?? DBNull.Value);
        if (await ReadPassengerAsync(insert, cancellationToken) is { } registered)
        {
            return new PassengerRegistrationOutcome.Registered(registered);
        }

        await using var earlier = dataSource.CreateCommand($"SELECT {Columns}, idempotency_key IS NOT DISTINCT FROM @idempotencyKey FROM passengers WHERE id = @id");
        earlier.Parameters.AddWithValue("id", id);
        earlier.Parameters.AddWithValue("idempotencyKey", (object?)idempotencyKey ?? DBNull.Value);
        await using var reader = await earlier.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new PassengerRegistrationOutcome.KeyTaken();
        var existing = Read(reader);
        return idempotencyKey is not null && reader.GetBoolean(5)
            ? new PassengerRegistrationOutcome.Repeated(existing)
            : new PassengerRegistrationOutcome.AlreadyRegistered(existing);
    }

    public async Task<Passenger?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {Columns} FROM passengers WHERE id = @id");
        select.Parameters.AddWithValue("id", id);
        return await ReadPassengerAsync(select, cancellationToken);
    }

    /// <summary>Sets the status (a no-op when it already has it); null when there is no such passenger.</summary>
    public async Task<Passenger?> ChangeStatusAsync(Guid id, PassengerStatus status, CancellationToken cancellationToken)
    {
        await using var update = dataSource.CreateCommand($"UPDATE passengers SET status = @status WHERE id = @id RETURNING {Columns}");
        update.Parameters.AddWithValue("id", id);
        update.Parameters.AddWithValue("status", status.Name());
        return await ReadPassengerAsync(update, cancellationToken);
    }

    private static async Task<Passenger?> ReadPassengerAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static Passenger Read(NpgsqlDataReader reader) =>
        new(
            Id: reader.GetGuid(0),
            Name: reader.GetString(1),
            Phone: reader.GetString(2),
            Status: PassengerStatuses.Parse(reader.GetString(3)),
            RegisteredAt: reader.GetFieldValue<DateTimeOffset>(4));
}
