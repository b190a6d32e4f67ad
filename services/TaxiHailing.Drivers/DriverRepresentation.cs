using System.Text.Json.Serialization;

namespace TaxiHailing.Drivers;

/// <summary>A driver as the API shows it, with links to the actions the driver's current state allows.</summary>
public sealed record DriverRepresentation(
    Guid Id,
    string Name,
    VehicleRepresentation Vehicle,
    bool Online,
    PositionRepresentation? Position,
    Guid? CurrentTripId,
    [property: JsonPropertyName("_links")] DriverLinks Links)
{
    public static DriverRepresentation Of(Driver driver)
    {
        var availability = DriverHrefs.Availability(driver.Id);
        var links = new DriverLinks(
            Self: new Link(DriverHrefs.Driver(driver.Id)),
            GoOnline: driver.Online ? null : new Link(availability, "PUT"),
            GoOffline: driver.Online ? new Link(availability, "PUT") : null,
            Location: driver.Online ? new Link(DriverHrefs.Location(driver.Id), "POST") : null,
            Offers: new Link(DriverHrefs.Offers(driver.Id)));
        if (driver is { CurrentTripId: { } tripId, CurrentTripStage: { } stage })
        {
            var trip = DriverTripLinks.WithNextStep(new(new Link(DriverHrefs.Trip(driver.Id, tripId)), links.Self), driver.Id, tripId, stage);
            links = links with { CurrentTrip = trip.Self, Arrive = trip.Arrive, PickUp = trip.PickUp, DropOff = trip.DropOff };
        }

        var vehicle = new VehicleRepresentation(driver.Vehicle.Make, driver.Vehicle.Model, driver.Vehicle.Colour, driver.Vehicle.Plate);
        var position = driver.Position is { } at ? new PositionRepresentation(at.Lat, at.Lng) : null;
        return new(driver.Id, driver.Name, vehicle, driver.Online, position, driver.CurrentTripId, links);
    }
}

/// <summary>
/// goOnline and goOffline are the same PUT with <c>"online": true</c> (and a position) or <c>false</c>; only the one
/// that changes something is offered. Location reports are taken only from online drivers. Offers lists the trips
/// offered to the driver that they can still answer. On a trip, currentTrip is that trip, and arrive, pickUp or
/// dropOff its next step.
/// </summary>
public sealed record DriverLinks(
    Link Self,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? GoOnline = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? GoOffline = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Location = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Offers = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? CurrentTrip = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Arrive = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? PickUp = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? DropOff = null);

public sealed record VehicleRepresentation(string Make, string Model, string Colour, string Plate);

/// <summary>A place on the map, in WGS 84 degrees.</summary>
public sealed record PositionRepresentation(double Lat, double Lng);

/// <summary>Drivers (all, or only online or offline ones), with how many of the whole fleet are online and offline.</summary>
public sealed record DriverListRepresentation(
    IReadOnlyList<DriverRepresentation> Drivers,
    int Online,
    int Offline,
    [property: JsonPropertyName("_links")] DriverListLinks Links)
{
    public static DriverListRepresentation Of(IReadOnlyList<Driver> drivers, (int Online, int Offline) fleet, bool? onlineFilter) =>
        new([.. drivers.Select(DriverRepresentation.Of)], fleet.Online, fleet.Offline, new DriverListLinks(new Link(DriverHrefs.Drivers(onlineFilter))));
}

public sealed record DriverListLinks(Link Self);

/// <summary>A hypermedia link; <see cref="Method"/> is given for links that are actions rather than reads.</summary>
public sealed record Link(
    string Href,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Method = null);

public static class DriverHrefs
{
    public static string Drivers(bool? online = null) => online is { } value ? $"/v1/drivers?online={(value ? "true" : "false")}" : "/v1/drivers";

    public static string Driver(Guid id) => $"/v1/drivers/{id}";

    public static string Availability(Guid id) => $"/v1/drivers/{id}/availability";

    public static string Location(Guid id) => $"/v1/drivers/{id}/location";

    public static string Offers(Guid id) => $"/v1/drivers/{id}/offers";

    public static string Offer(Guid id, Guid offerId) => $"/v1/drivers/{id}/offers/{offerId}";

    public static string OfferAnswer(Guid id, Guid offerId) => $"/v1/drivers/{id}/offers/{offerId}/answer";

    public static string Trip(Guid id, Guid tripId) => $"/v1/drivers/{id}/trips/{tripId}";

    public static string TripStep(Guid id, Guid tripId, DriverTripStep step) => step switch
    {
        DriverTripStep.Arrive => $"{Trip(id, tripId)}/arrival",
        DriverTripStep.PickUp => $"{Trip(id, tripId)}/pickup",
        _ => $"{Trip(id, tripId)}/dropoff",
    };
}
