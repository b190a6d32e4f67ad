using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

public class TripPassengerDetailsTests
{
    private static readonly Guid PassengerId = Guid.Parse("0190b7a5-1d2e-7c3f-8a4b-5c6d7e8f9a0b");

    private static readonly Trip Trip = new(
        Guid.Parse("0190b7a5-aaaa-7bbb-8ccc-dddddddddddd"), PassengerId, new Location(52.3731, 4.8926), new Location(52.3086, 4.7639),
        TripState.Requested, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), null);

    [Fact]
    public async Task A_trip_read_shows_the_passenger_as_the_directory_says_now()
    {
        var passengers = new StubPassengers(_ => StubPassengers.Json(HttpStatusCode.OK,
            $$"""{ "id": "{{PassengerId}}", "status": "suspended", "name": "Ada Lovelace", "phone": "+44 20 7946 0000", "rating": 4.9 }"""));

        var json = await ReadAsync(passengers);

        Assert.Equal("Ada Lovelace", (string?)json["passenger"]!["name"]);
        Assert.Equal("+44 20 7946 0000", (string?)json["passenger"]!["phone"]);
        Assert.Equal("live", (string?)json["passengerDetails"]);
        Assert.Equal($"http://passengers/v1/passengers/{PassengerId}", Assert.Single(passengers.Requests).RequestUri!.ToString());
    }

    [Theory]
    [InlineData("unreachable")]
    [InlineData("error answer")]
    [InlineData("passenger unknown")]
    [InlineData("answer without name")]
    public async Task When_the_directory_cannot_say_the_trip_is_shown_without_the_passenger_and_says_so(string directory)
    {
        var passengers = new StubPassengers(_ => directory switch
        {
            "unreachable" => throw new HttpRequestException("Connection refused"),
            "error answer" => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            "passenger unknown" => StubPassengers.Json(HttpStatusCode.NotFound, """{ "title": "Passenger not found" }"""),
            _ => StubPassengers.Json(HttpStatusCode.OK, """{ "status": "active" }"""),
        });

        var json = await ReadAsync(passengers);

        Assert.False(json.AsObject().ContainsKey("passenger"));
        Assert.Equal("unavailable", (string?)json["passengerDetails"]);
        Assert.Equal(Trip.Id.ToString(), (string?)json["id"]);
        Assert.Equal("requested", (string?)json["state"]);
    }

    [Fact]
    public void Other_answers_than_a_trip_read_carry_no_passenger_details()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(TripRepresentation.Of(Trip), TripsJsonContext.Default.TripRepresentation))!.AsObject();

        Assert.False(json.ContainsKey("passenger"));
        Assert.False(json.ContainsKey("passengerDetails"));
        Assert.Equal("_links", json.Last().Key);
    }

    private static async Task<JsonObject> ReadAsync(StubPassengers passengers)
    {
        var trip = await TripRepresentation.Of(Trip).WithPassengerAsync(StubPassengers.Directory(passengers), NullLogger.Instance, CancellationToken.None);
        return JsonNode.Parse(JsonSerializer.Serialize(trip, TripsJsonContext.Default.TripRepresentation))!.AsObject();
    }
}
