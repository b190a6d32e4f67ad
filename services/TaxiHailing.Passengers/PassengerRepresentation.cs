using System.Text.Json.Serialization;

namespace TaxiHailing.Passengers;

/// <summary>A passenger as the API shows it, with links to the actions its current status allows.</summary>
public sealed record PassengerRepresentation(
    Guid Id,
    string Name,
    string Phone,
    PassengerStatus Status,
    DateTimeOffset RegisteredAt,
    [property: JsonPropertyName("_links")] PassengerLinks Links)
{
    public static PassengerRepresentation Of(Passenger passenger)
    {
        var self = PassengerHrefs.Passenger(passenger.Id);
        var suspension = PassengerHrefs.Suspension(passenger.Id);
        var links = new PassengerLinks(
            Self: new Link(self),
            Suspend: passenger.Status == PassengerStatus.Active ? new Link(suspension, "PUT") : null,
            Reinstate: passenger.Status == PassengerStatus.Suspended ? new Link(suspension, "DELETE") : null);
        return new(passenger.Id, passenger.Name, passenger.Phone, passenger.Status, passenger.RegisteredAt, links);
    }
}

public sealed record PassengerLinks(
    Link Self,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Suspend = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Reinstate = null);

/// <summary>A hypermedia link; <see cref="Method"/> is given for links that are actions rather than reads.</summary>
public sealed record Link(
    string Href,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Method = null);

public static class PassengerHrefs
{
    public static string Passenger(Guid id) => $"/v1/passengers/{id}";

    public static string Suspension(Guid id) => $"/v1/passengers/{id}/suspension";
}
