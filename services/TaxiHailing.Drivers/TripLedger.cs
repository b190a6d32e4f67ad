using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers;

/// <summary>
/// The drivers' trips, inside the transaction of a <see cref="DriverLedger"/>: every step writes its event to the
/// outbox (taxi.drivers.trips, keyed by trip id) in the same transaction. The driver's row is locked before the
/// trip's, in every method here as in the driver ledger, so that no two of them deadlock.
/// </summary>
public sealed class TripLedger(NpgsqlTransaction transaction, Outbox outbox, TimeProvider clock)
{
    /// <summary>
    /// Starts the driver's trip where the offer they accepted said: the pickup and dropoff come from their inbox (the
    /// Dispatcher confirms only a driver who accepted an offer of the trip). A repeat changes nothing.
    /// </summary>
    public async Task RecordAssignmentAsync(Guid driverId, Guid tripId, CancellationToken cancellationToken)
    {
        await using var insert = Command("""
            INSERT INTO driver_trips (trip_id, driver_id, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng, stage, assigned_at)
            SELECT trip_id, driver_id, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng, 'assigned', $3 FROM driver_offers
            WHERE trip_id = $1 AND driver_id = $2
            ORDER BY offered_at DESC LIMIT 1
            ON CONFLICT (trip_id) DO NOTHING
            """, tripId, driverId, Now());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The driver (already locked) moved from <paramref name="from"/> to <paramref name="to"/> while on the trip: the
    /// distance counts once the passenger is on board, and a driver on the way who comes close to the pickup is arriving.
    /// </summary>
    public async Task MovedAsync(Guid driverId, Guid tripId, GeoPoint? from, GeoPoint to, CancellationToken cancellationToken)
    {
        if (await LockAsync(driverId, tripId, cancellationToken) is not { } trip) return;
        if (trip.Stage == DriverTripStage.InProgress && from is not null)
        {
            await using var odometer = Command("UPDATE driver_trips SET distance_km = distance_km + $2 WHERE trip_id = $1",
                tripId, GreatCircle.DistanceKm(from, to));
            await odometer.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        var toPickup = GreatCircle.DistanceKm(to, trip.Pickup);
        if (trip.Stage != DriverTripStage.Assigned || toPickup > DriverTripStages.ArrivingWithinKm) return;
        var now = Now();
        await using var arriving = Command("UPDATE driver_trips SET stage = 'arriving', arriving_at = $2 WHERE trip_id = $1", tripId, now);
        await arriving.ExecuteNonQueryAsync(cancellationToken);
        await PublishAsync(tripId, new DriverArriving(tripId, driverId, to, Math.Round(toPickup, 3), now), cancellationToken);
    }

    /// <summary>Takes the driver's next step on the trip, if it is the one its stage allows; the same step again changes nothing.</summary>
    public async Task<TripStepOutcome> TakeStepAsync(Guid driverId, Guid tripId, DriverTripStep step, CancellationToken cancellationToken)
    {
        await using var selectDriver = Command("SELECT lat, lng FROM drivers WHERE id = $1 FOR UPDATE", driverId);
        GeoPoint? position;
        await using (var driver = await selectDriver.ExecuteReaderAsync(cancellationToken))
        {
            if (!await driver.ReadAsync(cancellationToken)) return new TripStepOutcome.UnknownTrip();
            position = await driver.IsDBNullAsync(0, cancellationToken) ? null : new GeoPoint(driver.GetDouble(0), driver.GetDouble(1));
        }

        if (await LockAsync(driverId, tripId, cancellationToken) is not { } trip) return new TripStepOutcome.UnknownTrip();
        var check = DriverTripStages.Check(trip.Stage, step);
        if (check == StepCheck.Repeated) return new TripStepOutcome.Repeated(trip);
        if (check != StepCheck.Allowed) return new TripStepOutcome.Refused(trip, check);

        var now = Now();
        var at = position ?? (step == DriverTripStep.DropOff ? trip.Dropoff : trip.Pickup);
        var column = step switch { DriverTripStep.Arrive => "arrived_at", DriverTripStep.PickUp => "picked_up_at", _ => "ended_at" };
        await using var update = Command($"UPDATE driver_trips SET stage = $2, {column} = $3 WHERE trip_id = $1 RETURNING {DriverTripRows.Columns}",
            tripId, step.Reached().Name(), now);
        var taken = await DriverTripRows.ReadSingleAsync(update, cancellationToken)
            ?? throw new InvalidOperationException($"Trip {tripId} of driver {driverId}, locked a moment ago, has gone.");
        switch (step)
        {
            case DriverTripStep.Arrive:
                await PublishAsync(tripId, new DriverArrived(tripId, driverId, at, now), cancellationToken);
                break;
            case DriverTripStep.PickUp:
                await PublishAsync(tripId, new PassengerPickedUp(tripId, driverId, at, now), cancellationToken);
                break;
            default:
                await FreeAsync(driverId, tripId, cancellationToken);
                var distance = Math.Round(taken.DistanceKm, 3);
                await PublishAsync(tripId, new PassengerDroppedOff(tripId, driverId, at, distance, taken.PickedUpAt!.Value, now), cancellationToken);
                break;
        }

        return new TripStepOutcome.Taken(taken);
    }

    /// <summary>
    /// Lets the driver go of a trip they were given at or before <paramref name="assignedBy"/> and have not started,
    /// and announces it; null when the trip was started, is over, or is not due yet.
    /// </summary>
    public async Task<DriverTrip?> AbandonAsync(Guid tripId, DateTimeOffset assignedBy, string reason, CancellationToken cancellationToken)
    {
        await using var owner = Command("SELECT driver_id FROM driver_trips WHERE trip_id = $1", tripId);
        if (await owner.ExecuteScalarAsync(cancellationToken) is not Guid driverId) return null;
        await using var lockDriver = Command("SELECT 1 FROM drivers WHERE id = $1 FOR UPDATE", driverId);
        await lockDriver.ExecuteNonQueryAsync(cancellationToken);

        await using var update = Command($"""
            UPDATE driver_trips SET stage = 'abandoned', ended_at = $3, end_reason = $4
            WHERE trip_id = $1 AND stage = ANY($2) AND assigned_at <= $5
            RETURNING {DriverTripRows.Columns}
            """, tripId, DriverTripStages.NotStarted.Select(stage => stage.Name()).ToArray(), Now(), reason, assignedBy);
        if (await DriverTripRows.ReadSingleAsync(update, cancellationToken) is not { } abandoned) return null;
        await FreeAsync(driverId, tripId, cancellationToken);
        await PublishAsync(tripId, new TripAbandoned(tripId, driverId, reason, abandoned.EndedAt!.Value), cancellationToken);
        return abandoned;
    }

    /// <summary>The passenger cancelled: a trip not over yet ends here (the driver ledger frees the driver).</summary>
    public async Task CancelAsync(Guid tripId, CancellationToken cancellationToken)
    {
        await using var update = Command(
            "UPDATE driver_trips SET stage = 'cancelled', ended_at = $2 WHERE trip_id = $1 AND stage <> ALL($3)",
            tripId, Now(), new[] { "completed", "cancelled", "abandoned" });
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DriverTrip?> LockAsync(Guid driverId, Guid tripId, CancellationToken cancellationToken)
    {
        await using var select = Command($"SELECT {DriverTripRows.Columns} FROM driver_trips WHERE trip_id = $1 AND driver_id = $2 FOR UPDATE", tripId, driverId);
        return await DriverTripRows.ReadSingleAsync(select, cancellationToken);
    }

    private async Task FreeAsync(Guid driverId, Guid tripId, CancellationToken cancellationToken)
    {
        await using var free = Command("UPDATE drivers SET current_trip_id = NULL WHERE id = $1 AND current_trip_id = $2", driverId, tripId);
        await free.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task PublishAsync<T>(Guid tripId, T message, CancellationToken cancellationToken) where T : class, IMessage =>
        outbox.AddAsync(transaction, DriversChannels.Trips, tripId.ToString(), message, cancellationToken);

    private DateTimeOffset Now() => clock.StoredNow();

    private NpgsqlCommand Command(string sql, params object[] values) => transaction.Command(sql, values);
}
