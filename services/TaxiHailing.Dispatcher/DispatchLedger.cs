using Npgsql;
using TaxiHailing.Contracts;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// The fleet and the dispatch decisions as a message handler changes them: every statement runs in the handler's
/// transaction, so the changes, the messages they cause and the record of the handled message commit together.
/// </summary>
public sealed class DispatchLedger(NpgsqlTransaction transaction)
{
    // Equirectangular distance in km: cheap, and within a fraction of a percent of the great circle at city scale,
    // which is all that ordering nearby drivers needs. $1 and $2 are the pickup's latitude and longitude.
    private const string DistanceKm =
        "6371.0088 * sqrt(power(radians(lat - $1), 2) + power(radians(lng - $2) * cos(radians((lat + $1) / 2)), 2))";

    /// <summary>
    /// The nearest available driver within <paramref name="maxPickupKm"/>, locked until the transaction ends; drivers
    /// locked by a concurrent dispatch are skipped rather than waited for. Null when nobody is in range.
    /// </summary>
    public async Task<Driver?> LockNearestAvailableDriverAsync(GeoPoint pickup, double maxPickupKm, CancellationToken cancellationToken)
    {
        await using var select = Command($"""
            SELECT {DriverRows.Columns} FROM drivers
            WHERE available AND {DistanceKm} <= $3
            ORDER BY {DistanceKm}
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """, pickup.Lat, pickup.Lng, maxPickupKm);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? await DriverRows.ReadAsync(reader, cancellationToken) : null;
    }

    /// <summary>
    /// Records the decision for a trip (no driver: unserved); false, and nothing changed, when the trip was already
    /// decided. The primary key decides, so two deliveries of the same trip cannot both record one.
    /// </summary>
    public async Task<bool> RecordDecisionAsync(DispatchDecision decision, CancellationToken cancellationToken)
    {
        await using var insert = Command(
            "INSERT INTO assignments (trip_id, driver_id, decided_at) VALUES ($1, $2, $3) ON CONFLICT (trip_id) DO NOTHING",
            decision.TripId, (object?)decision.DriverId ?? DBNull.Value, decision.DecidedAt);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task MarkBusyAsync(Guid driverId, Guid tripId, CancellationToken cancellationToken)
    {
        await using var update = Command(
            "UPDATE drivers SET available = false, current_trip_id = $2 WHERE id = $1", driverId, tripId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Frees the driver busy with the trip, if any, and returns their id. A driver already freed and now on another
    /// trip is not touched: only the driver whose current trip this is gets released.
    /// </summary>
    public async Task<Guid?> ReleaseDriverAsync(Guid tripId, CancellationToken cancellationToken)
    {
        await using var update = Command(
            "UPDATE drivers SET available = true, current_trip_id = NULL WHERE current_trip_id = $1 RETURNING id", tripId);
        return await update.ExecuteScalarAsync(cancellationToken) is Guid driverId ? driverId : null;
    }

    private NpgsqlCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
