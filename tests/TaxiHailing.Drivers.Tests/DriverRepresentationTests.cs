using System.Text.Json;
using System.Text.Json.Nodes;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Drivers.Tests;

public class DriverRepresentationTests
{
    private static readonly Guid DriverId = Guid.Parse("0190b7a5-1d2e-7c3f-8a4b-5c6d7e8f9a0b");
    private static readonly Guid TripId = Guid.Parse("0190b7a5-aaaa-7bbb-8ccc-dddddddddddd");

    private static Driver Offline(GeoPoint? position = null) => new(
        DriverId, "Dara Okafor", new Vehicle("Toyota", "Prius", "Silver", "LD21 XTR"), Online: false, position, CurrentTripId: null,
        new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private static Driver Online(Guid? tripId = null) => Offline(new GeoPoint(51.5033, -0.1196)) with { Online = true, CurrentTripId = tripId };

    [Fact]
    public void An_offline_driver_can_go_online_and_nothing_else()
    {
        var links = DriverRepresentation.Of(Offline()).Links;

        Assert.Equal(new Link($"/v1/drivers/{DriverId}"), links.Self);
        Assert.Equal(new Link($"/v1/drivers/{DriverId}/availability", "PUT"), links.GoOnline);
        Assert.Null(links.GoOffline);
        Assert.Null(links.Location);
    }

    [Fact]
    public void An_online_driver_can_go_offline_and_report_locations()
    {
        var links = DriverRepresentation.Of(Online()).Links;

        Assert.Equal(new Link($"/v1/drivers/{DriverId}"), links.Self);
        Assert.Equal(new Link($"/v1/drivers/{DriverId}/availability", "PUT"), links.GoOffline);
        Assert.Equal(new Link($"/v1/drivers/{DriverId}/location", "POST"), links.Location);
        Assert.Null(links.GoOnline);
    }

    [Fact]
    public void A_driver_on_a_trip_keeps_the_links_of_an_online_driver()
    {
        var representation = DriverRepresentation.Of(Online(TripId));

        Assert.Equal(TripId, representation.CurrentTripId);
        Assert.NotNull(representation.Links.GoOffline);
        Assert.NotNull(representation.Links.Location);
    }

    [Fact]
    public void The_json_has_the_documented_shape()
    {
        var json = Serialize(DriverRepresentation.Of(Online(TripId)));

        Assert.Equal(["id", "name", "vehicle", "online", "position", "currentTripId", "_links"], json.AsObject().Select(p => p.Key));
        Assert.Equal(DriverId.ToString(), (string?)json["id"]);
        Assert.Equal("LD21 XTR", (string?)json["vehicle"]!["plate"]);
        Assert.Equal(["make", "model", "colour", "plate"], json["vehicle"]!.AsObject().Select(p => p.Key));
        Assert.True((bool)json["online"]!);
        Assert.Equal(51.5033, (double)json["position"]!["lat"]!);
        Assert.Equal(-0.1196, (double)json["position"]!["lng"]!);
        Assert.Equal(TripId.ToString(), (string?)json["currentTripId"]);
        Assert.Equal(["self", "goOffline", "location", "offers"], json["_links"]!.AsObject().Select(p => p.Key));
        Assert.Equal($"/v1/drivers/{DriverId}/offers", (string?)json["_links"]!["offers"]!["href"]);
        Assert.Equal("POST", (string?)json["_links"]!["location"]!["method"]);
        Assert.Null(json["_links"]!["self"]!["method"]);
    }

    [Fact]
    public void A_driver_never_seen_has_null_position_and_trip_and_only_the_links_allowed()
    {
        var json = Serialize(DriverRepresentation.Of(Offline()));

        Assert.True(json.AsObject().ContainsKey("position"));
        Assert.Null(json["position"]);
        Assert.Null(json["currentTripId"]);
        Assert.False((bool)json["online"]!);
        Assert.Equal(["self", "goOnline", "offers"], json["_links"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void The_list_counts_the_whole_fleet_and_links_to_itself_with_its_filter()
    {
        var list = DriverListRepresentation.Of([Online()], (Online: 1, Offline: 4), onlineFilter: true);

        var json = JsonNode.Parse(JsonSerializer.Serialize(list, DriversJsonContext.Default.DriverListRepresentation))!;

        Assert.Equal(DriverId.ToString(), (string?)Assert.Single(json["drivers"]!.AsArray())!["id"]);
        Assert.Equal(1, (int)json["online"]!);
        Assert.Equal(4, (int)json["offline"]!);
        Assert.Equal("/v1/drivers?online=true", (string?)json["_links"]!["self"]!["href"]);
        Assert.Equal("/v1/drivers", DriverHrefs.Drivers());
        Assert.Equal("/v1/drivers?online=false", DriverHrefs.Drivers(false));
    }

    private static JsonNode Serialize(DriverRepresentation representation) =>
        JsonNode.Parse(JsonSerializer.Serialize(representation, DriversJsonContext.Default.DriverRepresentation))!;

    [Theory]
    [InlineData(DriverTripStage.Assigned, "arrive", "arrival")]
    [InlineData(DriverTripStage.Arriving, "arrive", "arrival")]
    [InlineData(DriverTripStage.Arrived, "pickUp", "pickup")]
    [InlineData(DriverTripStage.InProgress, "dropOff", "dropoff")]
    public void A_driver_on_a_trip_links_to_it_and_to_its_next_step_only(DriverTripStage stage, string link, string path)
    {
        var json = Serialize(DriverRepresentation.Of(Online(TripId) with { CurrentTripStage = stage }));

        var links = json["_links"]!.AsObject();
        Assert.Equal($"/v1/drivers/{DriverId}/trips/{TripId}", (string?)links["currentTrip"]!["href"]);
        Assert.Equal($"/v1/drivers/{DriverId}/trips/{TripId}/{path}", (string?)links[link]!["href"]);
        Assert.Equal("POST", (string?)links[link]!["method"]);
        Assert.Single(new[] { "arrive", "pickUp", "dropOff" }, links.ContainsKey);
    }

    [Fact]
    public void A_trip_shows_its_stage_distance_and_next_step()
    {
        var trip = new DriverTrip(TripId, DriverId, new GeoPoint(51.5, -0.12), new GeoPoint(51.52, -0.13), DriverTripStage.InProgress,
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), null, null, new DateTimeOffset(2025, 1, 2, 3, 9, 5, TimeSpan.Zero), null, 1.23456, null);

        var json = JsonNode.Parse(JsonSerializer.Serialize(DriverTripRepresentation.Of(trip), DriversJsonContext.Default.DriverTripRepresentation))!;

        Assert.Equal("in-progress", (string?)json["stage"]);
        Assert.Equal(1.235, (double?)json["distanceKm"]);
        Assert.Equal(["self", "driver", "dropOff"], json["_links"]!.AsObject().Select(p => p.Key));
        Assert.False(json.AsObject().ContainsKey("arrivedAt"));
    }
}
