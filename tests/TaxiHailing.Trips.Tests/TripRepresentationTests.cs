using System.Text.Json;
using System.Text.Json.Nodes;
using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

public class TripRepresentationTests
{
    private static readonly Guid TripId = Guid.Parse("0190b7a5-aaaa-7bbb-8ccc-dddddddddddd");
    private static readonly Guid PassengerId = Guid.Parse("0190b7a5-1d2e-7c3f-8a4b-5c6d7e8f9a0b");
    private static readonly DateTimeOffset RequestedAt = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static Trip TripIn(TripState state, DateTimeOffset? cancelledAt = null) =>
        new(TripId, PassengerId, new Location(52.3731, 4.8926), new Location(52.3086, 4.7639), state, RequestedAt, cancelledAt);

    private static JsonNode JsonOf(Trip trip) =>
        JsonNode.Parse(JsonSerializer.Serialize(TripRepresentation.Of(trip), TripsJsonContext.Default.TripRepresentation))!;

    [Fact]
    public void A_requested_trip_links_to_itself_and_to_its_cancellation()
    {
        var links = TripRepresentation.Of(TripIn(TripState.Requested)).Links;

        Assert.Equal(new Link($"/v1/trips/{TripId}"), links.Self);
        Assert.Equal(new Link($"/v1/trips/{TripId}/cancellation", "POST"), links.Cancel);
    }

    [Fact]
    public void A_cancelled_trip_has_no_cancel_link()
    {
        var links = TripRepresentation.Of(TripIn(TripState.Cancelled, RequestedAt.AddMinutes(2))).Links;

        Assert.Equal(new Link($"/v1/trips/{TripId}"), links.Self);
        Assert.Null(links.Cancel);
    }

    [Theory]
    [InlineData(TripState.Requested)]
    [InlineData(TripState.DriverAssigned)]
    [InlineData(TripState.Unserved)]
    [InlineData(TripState.Cancelled)]
    [InlineData(TripState.DriverArriving)]
    [InlineData(TripState.DriverArrived)]
    [InlineData(TripState.InProgress)]
    [InlineData(TripState.Completed)]
    public void The_cancel_link_follows_the_cancellation_rule_in_every_state(TripState state)
    {
        var links = TripRepresentation.Of(TripIn(state)).Links;

        Assert.Equal(state.CanBeCancelled(), links.Cancel is not null);
    }

    [Fact]
    public void The_json_of_a_requested_trip_has_the_documented_shape()
    {
        var json = JsonOf(TripIn(TripState.Requested));

        Assert.Equal(TripId.ToString(), (string?)json["id"]);
        Assert.Equal(PassengerId.ToString(), (string?)json["passengerId"]);
        Assert.Equal(52.3731, (double?)json["pickup"]!["lat"]);
        Assert.Equal(4.8926, (double?)json["pickup"]!["lng"]);
        Assert.Equal(52.3086, (double?)json["dropoff"]!["lat"]);
        Assert.Equal(4.7639, (double?)json["dropoff"]!["lng"]);
        Assert.Equal("requested", (string?)json["state"]);
        Assert.Equal("2025-01-02T03:04:05+00:00", (string?)json["requestedAt"]);
        Assert.True(json.AsObject().ContainsKey("cancelledAt"));
        Assert.Null(json["cancelledAt"]);
        Assert.Equal($"/v1/trips/{TripId}", (string?)json["_links"]!["self"]!["href"]);
        Assert.Equal($"/v1/trips/{TripId}/cancellation", (string?)json["_links"]!["cancel"]!["href"]);
        Assert.Equal("POST", (string?)json["_links"]!["cancel"]!["method"]);
    }

    [Fact]
    public void The_json_of_a_cancelled_trip_has_its_cancellation_time_and_no_cancel_link()
    {
        var json = JsonOf(TripIn(TripState.Cancelled, RequestedAt.AddMinutes(2)));

        Assert.Equal("cancelled", (string?)json["state"]);
        Assert.Equal("2025-01-02T03:06:05+00:00", (string?)json["cancelledAt"]);
        Assert.False(json["_links"]!.AsObject().ContainsKey("cancel"));
    }

    [Fact]
    public void A_completed_trip_shows_its_fare_distance_and_duration_and_no_cancel_link()
    {
        var pickedUp = RequestedAt.AddMinutes(4);
        var ride = new RideProgress(RequestedAt.AddMinutes(3), RequestedAt.AddMinutes(3.5), pickedUp, pickedUp.AddSeconds(270),
            new RideCompletion(2.1, 270, new Money(7.71m, "GBP")));
        var json = JsonOf(TripIn(TripState.Completed) with { Ride = ride });

        Assert.Equal("completed", (string?)json["state"]);
        Assert.Equal(2.1, (double?)json["distanceKm"]);
        Assert.Equal(270, (int?)json["durationSeconds"]);
        Assert.Equal(7.71m, (decimal?)json["fare"]!["amount"]);
        Assert.Equal("GBP", (string?)json["fare"]!["currency"]);
        Assert.Equal("2025-01-02T03:08:05+00:00", (string?)json["pickedUpAt"]);
        Assert.Equal("2025-01-02T03:12:35+00:00", (string?)json["completedAt"]);
        Assert.False(json["_links"]!.AsObject().ContainsKey("cancel"));
    }

    [Fact]
    public void A_trip_not_completed_shows_no_fare()
    {
        var json = JsonOf(TripIn(TripState.DriverArrived) with { Ride = new RideProgress(ArrivedAt: RequestedAt.AddMinutes(3)) });

        Assert.Equal("driver-arrived", (string?)json["state"]);
        Assert.Equal("2025-01-02T03:07:05+00:00", (string?)json["driverArrivedAt"]);
        Assert.False(json.AsObject().ContainsKey("fare"));
        Assert.False(json.AsObject().ContainsKey("distanceKm"));
        Assert.NotNull(json["_links"]!["cancel"]);
    }
}
