using Npgsql;

namespace TaxiHailing.Trips;

/// <summary>Trips in tripsdb.</summary>
public sealed class TripStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns =
        "id, passenger_id, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng, state, requested_at, cancelled_at";

    /// <summary>
    /// Stores a requested trip; when <paramref name="idempotencyKey"/> was used before, returns the trip stored then
    /// instead. The unique key decides, so two concurrent repeats cannot both create a trip.
    /// </summary>
    public async Task<Trip> RequestAsync(TripRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using var insert = dataSource.CreateCommand($"""
            INSERT INTO trips (id, passenger_id, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng, state, requested_at, idempotency_key)
            VALUES (@id, @passengerId, @pickupLat, @pickupLng, @dropoffLat, @dropoffLng, @state, @requestedAt, @idempotencyKey)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING {Columns}
            """);
        insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("passengerId", request.PassengerId);
        insert.Parameters.AddWithValue("pickupLat", request.Pickup.Lat);
        insert.Parameters.AddWithValue("pickupLng", request.Pickup.Lng);
        insert.Parameters.AddWithValue("dropoffLat", request.Dropoff.Lat);
        insert.Parameters.AddWithValue("dropoffLng", request.Dropoff.Lng);
        insert.Parameters.AddWithValue("state", TripState.Requested.Name());
        insert.Parameters.AddWithValue("requestedAt", clock.GetUtcNow());
        insert.Parameters.AddWithValue("idempotencyKey", (object?)idempotencyKey ?? DBNull.Value);
        if (await ReadTripAsync(insert, cancellationToken) is { } requested)
        {
            return requested;
        }

        return await FindByIdempotencyKeyAsync(idempotencyKey!, cancellationToken)
            ?? throw new InvalidOperationException($"Idempotency key '{idempotencyKey}' conflicted but no trip holds it.");
    }

    public async Task<Trip?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {Columns} FROM trips WHERE id = @id");
        select.Parameters.AddWithValue("id", id);
        return await ReadTripAsync(select, cancellationToken);
    }

    public async Task<Trip?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {Columns} FROM trips WHERE idempotency_key = @idempotencyKey");
        select.Parameters.AddWithValue("idempotencyKey", idempotencyKey);
        return await ReadTripAsync(select, cancellationToken);
    }

    /// <summary>
    /// Cancels the trip if its state allows it, in one conditional update; null when the trip does not exist or
    /// can no longer be cancelled.
    /// </summary>
    public async Task<Trip?> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var update = dataSource.CreateCommand($"""
            UPDATE trips SET state = @cancelled, cancelled_at = @cancelledAt
            WHERE id = @id AND state = ANY(@cancellable)
            RETURNING {Columns}
            """);
        update.Parameters.AddWithValue("id", id);
        update.Parameters.AddWithValue("cancelled", TripState.Cancelled.Name());
        update.Parameters.AddWithValue("cancelledAt", clock.GetUtcNow());
        update.Parameters.AddWithValue("cancellable", TripStates.Cancellable.Select(state => state.Name()).ToArray());
        return await ReadTripAsync(update, cancellationToken);
    }

    private static async Task<Trip?> ReadTripAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Trip(
            Id: reader.GetGuid(0),
            PassengerId: reader.GetGuid(1),
            Pickup: new Location(reader.GetDouble(2), reader.GetDouble(3)),
            Dropoff: new Location(reader.GetDouble(4), reader.GetDouble(5)),
            State: TripStates.Parse(reader.GetString(6)),
            RequestedAt: reader.GetFieldValue<DateTimeOffset>(7),
            CancelledAt: await reader.IsDBNullAsync(8, cancellationToken) ? null : reader.GetFieldValue<DateTimeOffset>(8));
    }
}
