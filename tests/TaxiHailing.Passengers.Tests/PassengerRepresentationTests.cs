using System.Text.Json;
using System.Text.Json.Nodes;
using TaxiHailing.Passengers;

namespace TaxiHailing.Passengers.Tests;

public class PassengerRepresentationTests
{
    private static readonly Guid PassengerId = Guid.Parse("0190b7a5-1d2e-7c3f-8a4b-5c6d7e8f9a0b");

    private static Passenger PassengerWith(PassengerStatus status) =>
        new(PassengerId, "Ada Lovelace", "+44 20 7946 0958", status, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public void An_active_passenger_can_be_suspended_but_not_reinstated()
    {
        var links = PassengerRepresentation.Of(PassengerWith(PassengerStatus.Active)).Links;

        Assert.Equal(new Link($"/v1/passengers/{PassengerId}"), links.Self);
        Assert.Equal(new Link($"/v1/passengers/{PassengerId}/suspension", "PUT"), links.Suspend);
        Assert.Null(links.Reinstate);
    }

    [Fact]
    public void A_suspended_passenger_can_be_reinstated_but_not_suspended()
    {
        var links = PassengerRepresentation.Of(PassengerWith(PassengerStatus.Suspended)).Links;

        Assert.Equal(new Link($"/v1/passengers/{PassengerId}"), links.Self);
        Assert.Equal(new Link($"/v1/passengers/{PassengerId}/suspension", "DELETE"), links.Reinstate);
        Assert.Null(links.Suspend);
    }

    [Fact]
    public void The_json_has_the_documented_shape()
    {
        var representation = PassengerRepresentation.Of(PassengerWith(PassengerStatus.Active));

        var json = JsonNode.Parse(JsonSerializer.Serialize(representation, PassengersJsonContext.Default.PassengerRepresentation))!;

        Assert.Equal(PassengerId.ToString(), (string?)json["id"]);
        Assert.Equal("Ada Lovelace", (string?)json["name"]);
        Assert.Equal("+44 20 7946 0958", (string?)json["phone"]);
        Assert.Equal("active", (string?)json["status"]);
        Assert.Equal("2025-01-02T03:04:05+00:00", (string?)json["registeredAt"]);
        Assert.Equal($"/v1/passengers/{PassengerId}", (string?)json["_links"]!["self"]!["href"]);
        Assert.Null(json["_links"]!["self"]!["method"]);
        Assert.Equal("PUT", (string?)json["_links"]!["suspend"]!["method"]);
        Assert.False(json["_links"]!.AsObject().ContainsKey("reinstate"));
    }

    [Fact]
    public void A_suspended_passenger_shows_as_suspended_with_a_reinstate_link()
    {
        var representation = PassengerRepresentation.Of(PassengerWith(PassengerStatus.Suspended));

        var json = JsonNode.Parse(JsonSerializer.Serialize(representation, PassengersJsonContext.Default.PassengerRepresentation))!;

        Assert.Equal("suspended", (string?)json["status"]);
        Assert.Equal("DELETE", (string?)json["_links"]!["reinstate"]!["method"]);
        Assert.False(json["_links"]!.AsObject().ContainsKey("suspend"));
    }

    [Theory]
    [InlineData(PassengerStatus.Active, "active")]
    [InlineData(PassengerStatus.Suspended, "suspended")]
    public void Statuses_have_stable_names_that_parse_back(PassengerStatus status, string name)
    {
        Assert.Equal(name, status.Name());
        Assert.Equal(status, PassengerStatuses.Parse(name));
    }

    [Fact]
    public void An_unknown_status_name_does_not_parse()
    {
        Assert.Throws<FormatException>(() => PassengerStatuses.Parse("Active"));
    }
}
