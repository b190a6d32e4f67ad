using Npgsql;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Trips;

/// <summary>
/// The driver's steps turned into the trip's state, in the handler's transaction: each one a conditional update that
/// moves the trip forward only from a state that allows it (see <see cref="TripStates.CanMoveTo"/>), by the trip's own
/// driver, and records it in the trip's progress. A step that cannot apply (the trip was cancelled, a repeat, another
/// driver) changes nothing and returns null.
/// </summary>
public static class RideStore
{
    public static Task<Trip?> DriverArrivingAsync(MessageContext context, DriverArriving step, CancellationToken cancellationToken) =>
        AdvanceAsync(context, step.TripId, step.DriverId, TripState.DriverArriving, "arriving_at = @at", step.At, cancellationToken);

    public static Task<Trip?> DriverArrivedAsync(MessageContext context, DriverArrived step, CancellationToken cancellationToken) =>
        AdvanceAsync(context, step.TripId, step.DriverId, TripState.DriverArrived, "arrived_at = @at", step.At, cancellationToken);

    public static Task<Trip?> PassengerPickedUpAsync(MessageContext context, PassengerPickedUp step, CancellationToken cancellationToken) =>
        AdvanceAsync(context, step.TripId, step.DriverId, TripState.InProgress, "picked_up_at = @at", step.At, cancellationToken);

    /// <summary>Completes the trip with its fare, and announces it (TripCompleted on taxi.trips.events) in the same transaction.</summary>
    public static async Task<Trip?> CompleteAsync(MessageContext context, PassengerDroppedOff step, FareOptions tariff, CancellationToken cancellationToken)
    {
        var duration = step.At - step.PickedUpAt;
        var standardFare = tariff.FareFor(step.DistanceKm, duration);
        var xlFare = tariff.FareFor(step.DistanceKm, duration, RideProduct.Xl);
        await using var update = Update(context, TripState.Completed, """
            picked_up_at = COALESCE(picked_up_at, @pickedUpAt), completed_at = @at, distance_km = @distanceKm,
            duration_seconds = @durationSeconds, fare_amount = CASE WHEN product = @xlProduct THEN @xlFare ELSE @fare END, fare_currency = @currency
            """, step.TripId, step.DriverId, step.At);
        update.Parameters.AddWithValue("pickedUpAt", step.PickedUpAt);
        update.Parameters.AddWithValue("distanceKm", step.DistanceKm);
        update.Parameters.AddWithValue("durationSeconds", (int)Math.Round(Math.Max(0, duration.TotalSeconds)));
        update.Parameters.AddWithValue("fare", standardFare.Amount);
        update.Parameters.AddWithValue("xlFare", xlFare.Amount);
        update.Parameters.AddWithValue("xlProduct", RideProduct.Xl.Name());
        update.Parameters.AddWithValue("currency", standardFare.Currency);
        if (await TripStore.RecordProgressAndReadAsync(update, context, cancellationToken) is not { Ride.Completion: { } ride } completed) return null;

        var message = new TripCompleted(completed.Id, completed.PassengerId, step.DriverId, ride.DistanceKm, ride.DurationSeconds,
            new Fare(ride.Fare.Amount, ride.Fare.Currency), step.At);
        await context.PublishAsync(TripsChannels.Events, completed.Id.ToString(), message, cancellationToken);
        return completed;
    }

    /// <summary>The driver was let go of a trip they never started: it ends unserved, saying why.</summary>
    public static async Task<Trip?> AbandonAsync(MessageContext context, TripAbandoned abandoned, CancellationToken cancellationToken)
    {
        await using var update = Update(context, TripState.Unserved, "unserved_reason = @reason", abandoned.TripId, abandoned.DriverId, abandoned.At);
        update.Parameters.AddWithValue("reason", abandoned.Reason);
        return await TripStore.RecordProgressAndReadAsync(update, context, cancellationToken);
    }

    private static async Task<Trip?> AdvanceAsync(
        MessageContext context, Guid tripId, Guid driverId, TripState to, string set, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var update = Update(context, to, set, tripId, driverId, at);
        return await TripStore.RecordProgressAndReadAsync(update, context, cancellationToken);
    }

    private static NpgsqlCommand Update(MessageContext context, TripState to, string set, Guid tripId, Guid driverId, DateTimeOffset at)
    {
        var update = new NpgsqlCommand($"""
            UPDATE trips SET state = @to, {set}
            WHERE id = @id AND state = ANY(@from) AND (driver_id IS NULL OR driver_id = @driverId)
            RETURNING {TripStore.Columns}
            """, context.Connection, context.Transaction);
        update.Parameters.AddWithValue("id", tripId);
        update.Parameters.AddWithValue("to", to.Name());
        update.Parameters.AddWithValue("from", TripStates.NamesOfStatesBefore(to));
        update.Parameters.AddWithValue("driverId", driverId);
        update.Parameters.AddWithValue("at", at);
        return update;
    }
}
