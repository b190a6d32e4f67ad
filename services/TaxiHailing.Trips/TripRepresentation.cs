using System.Text.Json.Serialization;

namespace TaxiHailing.Trips;

/// <summary>A trip as the API shows it, with links to the actions its current state allows.</summary>
public sealed record TripRepresentation(
    Guid Id,
    Guid PassengerId,
    Location Pickup,
    Location Dropoff,
    TripState State,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CancelledAt,
    PassengerVerification PassengerVerification,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AssignedDriver? Driver,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnservedReason,
    [property: JsonPropertyName("_links"), JsonPropertyOrder(1)] TripLinks Links)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? DriverArrivingAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? DriverArrivedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? PickedUpAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Once completed: the distance the driver covered with the passenger on board.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DistanceKm { get; init; }

    /// <summary>Once completed: from pickup to dropoff.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DurationSeconds { get; init; }

    /// <summary>Once completed: what the ride costs, by the tariff (Fares).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Money? Fare { get; init; }

    /// <summary>Only on GET /v1/trips/{id}: the passenger's name and phone, live from Passengers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TripPassenger? Passenger { get; init; }

    /// <summary>Only on GET /v1/trips/{id}: whether <see cref="Passenger"/> could be had.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PassengerDetails? PassengerDetails { get; init; }

    public static TripRepresentation Of(Trip trip)
    {
        var links = new TripLinks(
            Self: new Link(TripHrefs.Trip(trip.Id)),
            Events: new Link(TripHrefs.Events(trip.Id)),
            Cancel: trip.State.CanBeCancelled() ? new Link(TripHrefs.Cancellation(trip.Id), "POST") : null);
        var ride = trip.Ride ?? new RideProgress();
        return new(trip.Id, trip.PassengerId, trip.Pickup, trip.Dropoff, trip.State, trip.RequestedAt, trip.CancelledAt,
            trip.PassengerVerification, trip.Driver, trip.UnservedReason, links)
        {
            DriverArrivingAt = ride.ArrivingAt,
            DriverArrivedAt = ride.ArrivedAt,
            PickedUpAt = ride.PickedUpAt,
            CompletedAt = ride.CompletedAt,
            DistanceKm = ride.Completion?.DistanceKm,
            DurationSeconds = ride.Completion?.DurationSeconds,
            Fare = ride.Completion?.Fare,
        };
    }
}

public sealed record TripLinks(
    Link Self,
    Link Events,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Cancel = null);

/// <summary>A hypermedia link; <see cref="Method"/> is given for links that are actions rather than reads.</summary>
public sealed record Link(
    string Href,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Method = null);

public static class TripHrefs
{
    public static string Trip(Guid id) => $"/v1/trips/{id}";

    public static string Cancellation(Guid id) => $"/v1/trips/{id}/cancellation";

    /// <summary>The trip's progress as server-sent events (of v1 representations: the stream has no v2 yet).</summary>
    public static string Events(Guid id) => $"/v1/trips/{id}/events";

    public static class V2
    {
        public static string Trip(Guid id) => $"/v2/trips/{id}";

        public static string Cancellation(Guid id) => $"/v2/trips/{id}/cancellation";
    }
}
