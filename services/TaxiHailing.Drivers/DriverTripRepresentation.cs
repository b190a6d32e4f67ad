using System.Text.Json.Serialization;

namespace TaxiHailing.Drivers;

/// <summary>
/// A trip as the driver's phone shows it, with a link to the one step its stage allows next: arrive (while on the way),
/// pickUp (once arrived), dropOff (with the passenger on board); none once it is over.
/// </summary>
public sealed record DriverTripRepresentation(
    Guid TripId,
    Guid DriverId,
    string Stage,
    PositionRepresentation Pickup,
    PositionRepresentation Dropoff,
    DateTimeOffset AssignedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ArrivingAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ArrivedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PickedUpAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EndedAt,
    double DistanceKm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EndReason,
    [property: JsonPropertyName("_links")] DriverTripLinks Links)
{
    public static DriverTripRepresentation Of(DriverTrip trip)
    {
        var links = new DriverTripLinks(new Link(DriverHrefs.Trip(trip.DriverId, trip.TripId)), new Link(DriverHrefs.Driver(trip.DriverId)));
        links = DriverTripLinks.WithNextStep(links, trip.DriverId, trip.TripId, trip.Stage);
        return new(trip.TripId, trip.DriverId, trip.Stage.Name(), new(trip.Pickup.Lat, trip.Pickup.Lng), new(trip.Dropoff.Lat, trip.Dropoff.Lng),
            trip.AssignedAt, trip.ArrivingAt, trip.ArrivedAt, trip.PickedUpAt, trip.EndedAt, Math.Round(trip.DistanceKm, 3), trip.EndReason, links);
    }
}

/// <summary>arrive, pickUp and dropOff are POSTs without a body; only the next one is offered.</summary>
public sealed record DriverTripLinks(
    Link Self,
    Link Driver,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Arrive = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? PickUp = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? DropOff = null)
{
    public static DriverTripLinks WithNextStep(DriverTripLinks links, Guid driverId, Guid tripId, DriverTripStage stage)
    {
        var next = stage.NextStep() is { } step ? new Link(DriverHrefs.TripStep(driverId, tripId, step), "POST") : null;
        return stage.NextStep() switch
        {
            DriverTripStep.Arrive => links with { Arrive = next },
            DriverTripStep.PickUp => links with { PickUp = next },
            DriverTripStep.DropOff => links with { DropOff = next },
            _ => links,
        };
    }
}
