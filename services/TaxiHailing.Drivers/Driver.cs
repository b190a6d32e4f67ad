using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Drivers;

/// <summary>
/// A driver of the fleet and their vehicle: offline, or online at <see cref="Position"/> (the last one reported),
/// and on <see cref="CurrentTripId"/> (at <see cref="CurrentTripStage"/>) once the Dispatcher gave them a trip.
/// </summary>
public sealed record Driver(
    Guid Id, string Name, Vehicle Vehicle, bool Online, GeoPoint? Position, Guid? CurrentTripId, DateTimeOffset RegisteredAt,
    DriverTripStage? CurrentTripStage = null);

/// <summary>What a new driver gives us when registering, already validated and normalised.</summary>
public sealed record DriverRegistration(string Name, Vehicle Vehicle);

/// <summary>
/// How a registration ended: a new driver, the driver an earlier request with the same key made, a plate already
/// taken, a driver registered already, or a key another driver used.
/// </summary>
public abstract record RegistrationOutcome
{
    private RegistrationOutcome()
    {
    }

    public sealed record Registered(Driver Driver) : RegistrationOutcome;

    public sealed record Repeated(Driver Driver) : RegistrationOutcome;

    public sealed record PlateTaken(string Plate) : RegistrationOutcome;

    public sealed record AlreadyRegistered(Driver Driver) : RegistrationOutcome;

    public sealed record KeyTaken : RegistrationOutcome;
}

/// <summary>How a location report ended: taken, or refused because nobody has that id or the driver is offline.</summary>
public enum LocationReportOutcome
{
    Accepted,
    UnknownDriver,
    DriverOffline,
}
