namespace TaxiHailing.Contracts.Drivers;

/// <summary>The driver of a trip is close to its pickup (within <see cref="DistanceKm"/>) and will be there shortly.</summary>
public sealed record DriverArriving(Guid TripId, Guid DriverId, GeoPoint Position, double DistanceKm, DateTimeOffset At) : IMessage
{
    public static string MessageType => "drivers.driver-arriving.v1";
}

/// <summary>The driver of a trip is waiting at its pickup.</summary>
public sealed record DriverArrived(Guid TripId, Guid DriverId, GeoPoint Position, DateTimeOffset At) : IMessage
{
    public static string MessageType => "drivers.driver-arrived.v1";
}

/// <summary>The passenger is on board: the ride has begun.</summary>
public sealed record PassengerPickedUp(Guid TripId, Guid DriverId, GeoPoint Position, DateTimeOffset At) : IMessage
{
    public static string MessageType => "drivers.passenger-picked-up.v1";
}

/// <summary>
/// The passenger got out: the ride is over and the driver is free again. <see cref="DistanceKm"/> is what the driver's
/// reported positions covered since the pickup; the fare is Trip Management's to work out from it.
/// </summary>
public sealed record PassengerDroppedOff(
    Guid TripId, Guid DriverId, GeoPoint Position, double DistanceKm, DateTimeOffset PickedUpAt, DateTimeOffset At) : IMessage
{
    public static string MessageType => "drivers.passenger-dropped-off.v1";
}

/// <summary>
/// The driver was let go of a trip they never started (see <see cref="TripAbandonedReasons"/>): the passenger was not
/// picked up, and the driver is free again.
/// </summary>
public sealed record TripAbandoned(Guid TripId, Guid DriverId, string Reason, DateTimeOffset At) : IMessage
{
    public static string MessageType => "drivers.trip-abandoned.v1";
}

public static class TripAbandonedReasons
{
    public static string PickupTimedOut(TimeSpan timeout) =>
        $"The driver did not pick the passenger up within {timeout.TotalMinutes:0.#} minutes of being assigned.";
}
