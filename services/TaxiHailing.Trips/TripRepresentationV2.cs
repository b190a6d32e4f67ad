using System.Text.Json.Serialization;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Trips;

/// <summary>
/// A trip as API v2 shows it: places with addresses, the product and the fare quoted, and the ride's progress as one
/// object. Trips requested through v1 read as standard rides whose places have no address.
/// </summary>
public sealed record TripRepresentationV2(
    Guid Id,
    Guid PassengerId,
    PlaceRepresentation Pickup,
    PlaceRepresentation Dropoff,
    RideProduct Product,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Money? FareEstimate,
    TripState State,
    DateTimeOffset RequestedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? CancelledAt,
    PassengerVerification PassengerVerification,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AssignedDriver? Driver,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnservedReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RideRepresentation? Ride,
    [property: JsonPropertyName("_links"), JsonPropertyOrder(1)] TripLinks Links)
{
    /// <summary>Only on GET /v2/trips/{id}: the passenger's name and phone, live from Passengers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TripPassenger? Passenger { get; init; }

    /// <summary>Only on GET /v2/trips/{id}: whether <see cref="Passenger"/> could be had.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PassengerDetails? PassengerDetails { get; init; }

    public static TripRepresentationV2 Of(Trip trip)
    {
        var booking = trip.Booking ?? TripBooking.Standard;
        var links = new TripLinks(
            Self: new Link(TripHrefs.V2.Trip(trip.Id)),
            Events: new Link(TripHrefs.Events(trip.Id)),
            Cancel: trip.State.CanBeCancelled() ? new Link(TripHrefs.V2.Cancellation(trip.Id), "POST") : null);
        return new(trip.Id, trip.PassengerId,
            new PlaceRepresentation(trip.Pickup, booking.PickupAddress), new PlaceRepresentation(trip.Dropoff, booking.DropoffAddress),
            booking.Product, booking.FareEstimate, trip.State, trip.RequestedAt, trip.CancelledAt, trip.PassengerVerification,
            trip.Driver, trip.UnservedReason, RideRepresentation.Of(trip.Ride), links);
    }
}

public sealed record PlaceRepresentation(
    Location Location,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Address);

/// <summary>The ride once the driver is on the way: each step's time as it happens, and at the end its distance, duration and fare.</summary>
public sealed record RideRepresentation(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DriverArrivingAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DriverArrivedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PickedUpAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? CompletedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DistanceKm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? DurationSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Money? Fare)
{
    public static RideRepresentation? Of(RideProgress? ride) => ride is null ? null : new(
        ride.ArrivingAt, ride.ArrivedAt, ride.PickedUpAt, ride.CompletedAt,
        ride.Completion?.DistanceKm, ride.Completion?.DurationSeconds, ride.Completion?.Fare);
}
