using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;

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
        "6371.0088 * sqrt(power(radians(p.lat - $1), 2) + power(radians(p.lng - $2) * cos(radians((p.lat + $1) / 2)), 2))";

    /// <summary>
    /// Up to <paramref name="count"/> available drivers within <paramref name="radiusKm"/> of the pickup, nearest first,
    /// leaving out those the trip was already offered to in an earlier round.
    /// </summary>
    public async Task<IReadOnlyList<Driver>> FindDriversToOfferAsync(
        Guid tripId, GeoPoint pickup, double radiusKm, int count, CancellationToken cancellationToken)
    {
        await using var select = Command($"""
            SELECT {DriverRows.Columns} FROM drivers d JOIN driver_positions p ON p.driver_id = d.id
            WHERE d.available AND {DistanceKm} <= $3
              AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.trip_id = $4 AND d.id = ANY (o.driver_ids))
            ORDER BY {DistanceKm}
            LIMIT $5
            """, pickup.Lat, pickup.Lng, radiusKm, tripId, count);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var drivers = new List<Driver>();
        while (await reader.ReadAsync(cancellationToken)) drivers.Add(await DriverRows.ReadAsync(reader, cancellationToken));
        return drivers;
    }

    public async Task<Driver?> FindDriverAsync(Guid driverId, CancellationToken cancellationToken)
    {
        await using var select = Command($"SELECT {DriverRows.Columns} FROM {DriverRows.WithPositions} WHERE d.id = $1", driverId);
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

    /// <summary>
    /// Takes the driver for the trip if they are still free, as one conditional update: of two trips wanting the same
    /// driver at once, one gets them. The driver stays off the market while the assignment is confirmed.
    /// </summary>
    public async Task<bool> HoldIfAvailableAsync(Guid driverId, Guid tripId, CancellationToken cancellationToken)
    {
        await using var update = Command(
            "UPDATE drivers SET available = false, current_trip_id = $2 WHERE id = $1 AND available", driverId, tripId);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Frees the driver busy with the trip, if any, and returns their id. A driver already freed and now on another
    /// trip is not touched: only the driver whose current trip this is gets released.
    /// </summary>
    public async Task<Guid?> ReleaseDriverAsync(Guid tripId, CancellationToken cancellationToken)
    {
        await using var update = Command(
            "UPDATE drivers SET available = online, current_trip_id = NULL WHERE current_trip_id = $1 RETURNING id", tripId);
        return await update.ExecuteScalarAsync(cancellationToken) is Guid driverId ? driverId : null;
    }

    /// <summary>Adds a driver the Drivers service registered (or refreshes their name and vehicle); offline until told otherwise.</summary>
    public async Task RegisterDriverAsync(Guid driverId, string name, Vehicle vehicle, CancellationToken cancellationToken)
    {
        await using var upsert = Command("""
            INSERT INTO drivers (id, name, vehicle_make, vehicle_model, vehicle_colour, vehicle_plate, available)
            VALUES ($1, $2, $3, $4, $5, $6, false)
            ON CONFLICT (id) DO UPDATE SET name = $2, vehicle_make = $3, vehicle_model = $4, vehicle_colour = $5, vehicle_plate = $6
            """, driverId, name, vehicle.Make, vehicle.Model, vehicle.Colour, vehicle.Plate);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Takes a driver on or off duty (a driver on a trip stays busy); false when the driver is unknown.</summary>
    public async Task<bool> SetOnlineAsync(Guid driverId, bool online, GeoPoint? position, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (position is not null) await MoveDriverAsync(driverId, position, at, cancellationToken);
        await using var update = Command(
            "UPDATE drivers SET online = $2, available = $2 AND current_trip_id IS NULL WHERE id = $1", driverId, online);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Records where a driver was at <paramref name="reportedAt"/>, unless a later position is already known:
    /// reports travel on their own channel and may arrive before the driver's registration or overtake each other.
    /// False when the report is stale.
    /// </summary>
    public async Task<bool> MoveDriverAsync(Guid driverId, GeoPoint position, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        await using var upsert = Command("""
            INSERT INTO driver_positions (driver_id, lat, lng, reported_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (driver_id) DO UPDATE SET lat = $2, lng = $3, reported_at = $4 WHERE driver_positions.reported_at < $4
            """, driverId, position.Lat, position.Lng, reportedAt);
        return await upsert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private NpgsqlCommand Command(string sql, params object[] values) => transaction.Command(sql, values);
}
