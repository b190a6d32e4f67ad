using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Trips;

public sealed record Trip(
    Guid Id,
    Guid PassengerId,
    Location Pickup,
    Location Dropoff,
    TripState State,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CancelledAt,
    AssignedDriver? Driver = null,
    string? UnservedReason = null,
    PassengerVerification PassengerVerification = PassengerVerification.Live,
    RideProgress? Ride = null,
    TripBooking? Booking = null);

/// <summary>
/// What the passenger booked beyond the two points: the product, the addresses they named (v2 requests only) and the
/// fare they were quoted. Trips requested before v2 existed have none: they read as standard, with no estimate.
/// </summary>
public sealed record TripBooking(RideProduct Product, string? PickupAddress, string? DropoffAddress, Money? FareEstimate)
{
    public static readonly TripBooking Standard = new(RideProduct.Standard, null, null, null);
}

/// <summary>How far the ride has got, as the driver's steps told it: when each happened, and at the end what it cost.</summary>
public sealed record RideProgress(
    DateTimeOffset? ArrivingAt = null,
    DateTimeOffset? ArrivedAt = null,
    DateTimeOffset? PickedUpAt = null,
    DateTimeOffset? CompletedAt = null,
    RideCompletion? Completion = null);

/// <summary>What the completed ride was: the distance the driver reported, how long it took from pickup to dropoff, and its fare.</summary>
public sealed record RideCompletion(double DistanceKm, int DurationSeconds, Money Fare);

public sealed record Money(decimal Amount, string Currency);

/// <summary>The driver the Dispatcher gave the trip to, as Trips learned it from the dispatch events.</summary>
public sealed record AssignedDriver(Guid Id, string Name, VehicleDescription Vehicle, int EtaSeconds, DateTimeOffset AssignedAt);

public sealed record VehicleDescription(string Make, string Model, string Colour, string Plate);

/// <summary>A point on the map, in WGS 84 degrees.</summary>
public sealed record Location(double Lat, double Lng);

/// <summary>What a passenger asks for when requesting a trip, already validated; v1 requests are standard rides with no addresses.</summary>
public sealed record TripRequest(
    Guid PassengerId, Location Pickup, Location Dropoff, RideProduct Product = RideProduct.Standard,
    string? PickupAddress = null, string? DropoffAddress = null);

/// <summary>How a trip request ended: the trip (new, or the one an earlier request with the same key made), or refused because the passenger's open trip is not over.</summary>
public abstract record TripRequestOutcome
{
    private TripRequestOutcome()
    {
    }

    public sealed record Requested(Trip Trip) : TripRequestOutcome;

    /// <summary><see cref="TripId"/> is null when the open trip ended in between.</summary>
    public sealed record OpenTripHeld(Guid? TripId) : TripRequestOutcome;
}
