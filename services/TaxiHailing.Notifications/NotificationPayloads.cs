using System.Text.Json.Serialization;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Notifications;

/// <summary>The kinds of notification: the SSE event name, and the kind field of every payload.</summary>
public static class NotificationKinds
{
    public const string TripRequested = "trip-requested";
    public const string DriverAssigned = "driver-assigned";
    public const string TripUnserved = "trip-unserved";
    public const string TripCancelled = "trip-cancelled";
    public const string DriverArriving = "driver-arriving";
    public const string DriverArrived = "driver-arrived";
    public const string TripStarted = "trip-started";
    public const string TripCompleted = "trip-completed";
    public const string TripReleased = "trip-released";
}

/// <summary>
/// What a phone is told: the trip, the kind of news and when it happened (the event's own time), then the details
/// of that kind. Stored as the notification's payload and sent as the SSE event's data, unchanged.
/// </summary>
[JsonDerivedType(typeof(TripRequestedNotice))]
[JsonDerivedType(typeof(DriverOnTheWayNotice))]
[JsonDerivedType(typeof(TripUnservedNotice))]
[JsonDerivedType(typeof(TripCancelledNotice))]
[JsonDerivedType(typeof(NewTripNotice))]
[JsonDerivedType(typeof(DriverArrivingNotice))]
[JsonDerivedType(typeof(DriverArrivedNotice))]
[JsonDerivedType(typeof(TripStartedNotice))]
[JsonDerivedType(typeof(TripCompletedNotice))]
[JsonDerivedType(typeof(TripReleasedNotice))]
public abstract record NotificationPayload(
    [property: JsonPropertyOrder(-3)] Guid TripId,
    [property: JsonPropertyOrder(-2)] string Kind,
    [property: JsonPropertyOrder(-1)] DateTimeOffset At);

/// <summary>To the passenger: the trip was accepted and a driver is being looked for.</summary>
public sealed record TripRequestedNotice(Guid TripId, DateTimeOffset At, GeoPoint Pickup, GeoPoint Dropoff)
    : NotificationPayload(TripId, NotificationKinds.TripRequested, At);

/// <summary>To the passenger: who is coming, in what, and how soon.</summary>
public sealed record DriverOnTheWayNotice(Guid TripId, DateTimeOffset At, Guid DriverId, string DriverName, Vehicle Vehicle, int EtaSeconds)
    : NotificationPayload(TripId, NotificationKinds.DriverAssigned, At);

/// <summary>To the passenger: no driver could take the trip.</summary>
public sealed record TripUnservedNotice(Guid TripId, DateTimeOffset At, string Reason)
    : NotificationPayload(TripId, NotificationKinds.TripUnserved, At);

/// <summary>To the passenger, and to the driver assigned if any: the trip is off.</summary>
public sealed record TripCancelledNotice(Guid TripId, DateTimeOffset At)
    : NotificationPayload(TripId, NotificationKinds.TripCancelled, At);

/// <summary>To the driver: you have a new trip; pick the passenger up here.</summary>
public sealed record NewTripNotice(Guid TripId, DateTimeOffset At, Guid PassengerId, GeoPoint Pickup, int EtaSeconds)
    : NotificationPayload(TripId, NotificationKinds.DriverAssigned, At);

/// <summary>To the passenger: the driver is close, <see cref="DistanceKm"/> from the pickup.</summary>
public sealed record DriverArrivingNotice(Guid TripId, DateTimeOffset At, Guid DriverId, double DistanceKm)
    : NotificationPayload(TripId, NotificationKinds.DriverArriving, At);

/// <summary>To the passenger: the driver is waiting at the pickup.</summary>
public sealed record DriverArrivedNotice(Guid TripId, DateTimeOffset At, Guid DriverId, GeoPoint Position)
    : NotificationPayload(TripId, NotificationKinds.DriverArrived, At);

/// <summary>To the passenger: on board, on the way.</summary>
public sealed record TripStartedNotice(Guid TripId, DateTimeOffset At)
    : NotificationPayload(TripId, NotificationKinds.TripStarted, At);

/// <summary>To the passenger and the driver: the ride is over, this far, this long, for this fare.</summary>
public sealed record TripCompletedNotice(Guid TripId, DateTimeOffset At, double DistanceKm, int DurationSeconds, Fare Fare)
    : NotificationPayload(TripId, NotificationKinds.TripCompleted, At);

/// <summary>To the driver: you are let go of a trip you did not start, and free for the next.</summary>
public sealed record TripReleasedNotice(Guid TripId, DateTimeOffset At, string Reason)
    : NotificationPayload(TripId, NotificationKinds.TripReleased, At);

/// <summary>One notification to one recipient, before it is stored and numbered.</summary>
public sealed record Notification(Recipient Recipient, NotificationPayload Payload)
{
    public Guid TripId => Payload.TripId;

    public string Kind => Payload.Kind;
}
