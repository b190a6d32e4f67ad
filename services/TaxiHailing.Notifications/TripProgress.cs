using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Notifications;

/// <summary>What Notifications knows of a trip: whose it is, where the pickup is, and how far it has got.</summary>
public sealed record TripRecord(
    Guid TripId, Guid PassengerId, GeoPoint Pickup, Guid? DriverId = null, bool Unserved = false, bool Cancelled = false,
    RideStage Stage = RideStage.NotStarted)
{
    public bool Dispatched => DriverId is not null || Unserved;

    public bool Over => Unserved || Cancelled || Stage == RideStage.Completed;
}

/// <summary>How far the ride has got, by the driver's steps; it only goes forward.</summary>
public enum RideStage
{
    NotStarted,
    DriverArriving,
    DriverArrived,
    InProgress,
    Completed,
}

/// <summary>What one message does to a trip: notifies someone, waits for the trip to be known, or changes nothing.</summary>
public abstract record TripStep
{
    private TripStep()
    {
    }

    /// <summary>The trip as it now is, and the notifications to send, in order.</summary>
    public sealed record Applied(TripRecord Trip, IReadOnlyList<Notification> Notifications) : TripStep;

    /// <summary>The trip's TripCreated has not arrived yet (the two topics are independent): keep the message until it does.</summary>
    public sealed record Held : TripStep;

    /// <summary>A repeat, or news that no longer matters to anyone.</summary>
    public sealed record Ignored(string Reason) : TripStep;
}

/// <summary>
/// Which notifications each trip and dispatch event produces, and for whom. Pure: the handler loads the trip,
/// asks here, and stores what it is told.
/// </summary>
public static class TripProgress
{
    public static TripStep Apply(TripRecord? trip, object message) => (message, trip) switch
    {
        (TripCreated created, null) => Requested(created),
        (TripCreated, not null) => new TripStep.Ignored("the trip was already requested"),
        (_, null) => new TripStep.Held(),
        (DriverAssigned assigned, not null) => Assigned(trip, assigned),
        (TripUnserved unserved, not null) => Unserved(trip, unserved),
        (TripCancelled cancelled, not null) => Cancelled(trip, cancelled),
        (DriverArriving arriving, not null) => RideStep(trip, RideStage.DriverArriving,
            new DriverArrivingNotice(trip.TripId, arriving.At, arriving.DriverId, arriving.DistanceKm)),
        (DriverArrived arrived, not null) => RideStep(trip, RideStage.DriverArrived,
            new DriverArrivedNotice(trip.TripId, arrived.At, arrived.DriverId, arrived.Position)),
        (PassengerPickedUp pickedUp, not null) => RideStep(trip, RideStage.InProgress, new TripStartedNotice(trip.TripId, pickedUp.At)),
        (TripCompleted completed, not null) => Completed(trip, completed),
        (TripAbandoned abandoned, not null) => Abandoned(trip, abandoned),
        _ => throw new ArgumentException($"{message.GetType().Name} is not a trip or dispatch event.", nameof(message)),
    };

    /// <summary>
    /// Applies, in the order they arrived, the messages that were held until the trip became known; what they
    /// notify follows what <paramref name="requested"/> notified.
    /// </summary>
    public static TripStep.Applied Release(TripStep.Applied requested, IEnumerable<object> held)
    {
        var trip = requested.Trip;
        var notifications = requested.Notifications.ToList();
        foreach (var message in held)
        {
            if (Apply(trip, message) is TripStep.Applied applied)
            {
                trip = applied.Trip;
                notifications.AddRange(applied.Notifications);
            }
        }

        return new TripStep.Applied(trip, notifications);
    }

    private static TripStep.Applied Requested(TripCreated created) => new(
        new TripRecord(created.TripId, created.PassengerId, created.Pickup),
        [new(Recipient.Passenger(created.PassengerId), new TripRequestedNotice(created.TripId, created.RequestedAt, created.Pickup, created.Dropoff))]);

    private static TripStep Assigned(TripRecord trip, DriverAssigned assigned)
    {
        if (trip.Dispatched || trip.Stage == RideStage.Completed)
        {
            return new TripStep.Ignored("the trip was already dispatched");
        }

        var driver = Recipient.Driver(assigned.DriverId);
        var withDriver = trip with { DriverId = assigned.DriverId };
        if (trip.Cancelled)
        {
            // The Dispatcher assigned the driver before it saw the cancellation, and has released them since. The
            // passenger already knows the trip is off; the driver only needs to know not to go.
            return new TripStep.Applied(withDriver, [new(driver, new TripCancelledNotice(trip.TripId, assigned.AssignedAt))]);
        }

        return new TripStep.Applied(withDriver,
        [
            new(Recipient.Passenger(trip.PassengerId), new DriverOnTheWayNotice(
                trip.TripId, assigned.AssignedAt, assigned.DriverId, assigned.DriverName, assigned.Vehicle, assigned.EtaSeconds)),
            new(driver, new NewTripNotice(trip.TripId, assigned.AssignedAt, trip.PassengerId, trip.Pickup, assigned.EtaSeconds)),
        ]);
    }

    private static TripStep Unserved(TripRecord trip, TripUnserved unserved)
    {
        if (trip.Dispatched)
        {
            return new TripStep.Ignored("the trip was already dispatched");
        }

        if (trip.Cancelled)
        {
            return new TripStep.Ignored("the passenger cancelled the trip before it was dispatched");
        }

        return new TripStep.Applied(trip with { Unserved = true },
            [new(Recipient.Passenger(trip.PassengerId), new TripUnservedNotice(trip.TripId, unserved.DecidedAt, unserved.Reason))]);
    }

    /// <summary>The passenger hears of each step of the ride, once and in order; a step behind the one known is old news.</summary>
    private static TripStep RideStep(TripRecord trip, RideStage stage, NotificationPayload notice)
    {
        if (trip.Over) return new TripStep.Ignored("the trip is over");
        if (trip.Stage >= stage) return new TripStep.Ignored("the ride is past this step already");
        return new TripStep.Applied(trip with { Stage = stage }, [new(Recipient.Passenger(trip.PassengerId), notice)]);
    }

    private static TripStep Completed(TripRecord trip, TripCompleted completed)
    {
        if (trip.Over) return new TripStep.Ignored("the trip is over");
        var notice = new TripCompletedNotice(trip.TripId, completed.CompletedAt, completed.DistanceKm, completed.DurationSeconds, completed.Fare);
        return new TripStep.Applied(trip with { Stage = RideStage.Completed, DriverId = trip.DriverId ?? completed.DriverId },
            [new(Recipient.Passenger(trip.PassengerId), notice), new(Recipient.Driver(completed.DriverId), notice)]);
    }

    /// <summary>The driver never picked the passenger up: the passenger learns the trip is unserved, the driver that they are let go.</summary>
    private static TripStep Abandoned(TripRecord trip, TripAbandoned abandoned)
    {
        if (trip.Over) return new TripStep.Ignored("the trip is over");
        if (trip.Stage >= RideStage.InProgress) return new TripStep.Ignored("the passenger was picked up");
        return new TripStep.Applied(trip with { Unserved = true },
        [
            new(Recipient.Passenger(trip.PassengerId), new TripUnservedNotice(trip.TripId, abandoned.At, abandoned.Reason)),
            new(Recipient.Driver(abandoned.DriverId), new TripReleasedNotice(trip.TripId, abandoned.At, abandoned.Reason)),
        ]);
    }

    private static TripStep Cancelled(TripRecord trip, TripCancelled cancelled)
    {
        if (trip.Over)
        {
            return new TripStep.Ignored("the trip was already over");
        }

        List<Notification> notifications = [new(Recipient.Passenger(trip.PassengerId), new TripCancelledNotice(trip.TripId, cancelled.CancelledAt))];
        if (trip.DriverId is { } driverId)
        {
            notifications.Add(new(Recipient.Driver(driverId), new TripCancelledNotice(trip.TripId, cancelled.CancelledAt)));
        }

        return new TripStep.Applied(trip with { Cancelled = true }, notifications);
    }
}

public static class RideStages
{
    /// <summary>The stage as stored: "not-started", "driver-arriving", ..., "completed".</summary>
    public static string Name(this RideStage stage) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(stage.ToString());

    public static RideStage Parse(string name) =>
        Enum.GetValues<RideStage>().Where(stage => stage.Name() == name).Select(stage => (RideStage?)stage).FirstOrDefault()
        ?? throw new InvalidOperationException($"trips holds an unknown ride stage '{name}'.");
}
