using System.Text.Json.Serialization;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Notifications;

/// <summary>The kinds of notification: the SSE event name, and the kind field of every payload.</summary>
public static class NotificationKinds
{
    public const string TripRequested = "trip-requested";
    public const string DriverAssigned = "driver-assigned";
    public const string TripUnserved = "trip-unserved";
    public const string TripCancelled = "trip-cancelled";
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

/// <summary>One notification to one recipient, before it is stored and numbered.</summary>
public sealed record Notification(Recipient Recipient, NotificationPayload Payload)
{
    public Guid TripId => Payload.TripId;

    public string Kind => Payload.Kind;
}
