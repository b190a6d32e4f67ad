using System.Net;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>Request/async response over HTTP: 202 + Location, then polling or a server-sent event stream.</summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class AsyncTripRequestTests(TaxiHailingApplication taxiHailing)
{
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task A_trip_requested_with_respond_async_is_accepted_and_its_status_can_be_polled()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);

        using var accepted = await trips.SendAsync(AsyncTripRequest(passenger.Id));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("respond-async", accepted.Headers.GetValues("Preference-Applied").Single());
        var trip = await accepted.ReadJsonAsync();
        Assert.Equal($"/v1/trips/{trip["id"]}", accepted.Headers.Location!.OriginalString);
        Assert.Equal($"/v1/trips/{trip["id"]}/events", trip["_links"]!["events"]!["href"]!.GetValue<string>());
        await _app.WaitForTripStateAsync(trip["id"]!.GetValue<string>(), "driver-assigned");
    }

    [Fact]
    public async Task The_phone_follows_its_trip_on_the_event_stream_without_polling()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);
        using var accepted = await trips.SendAsync(AsyncTripRequest(passenger.Id));
        var trip = await accepted.ReadJsonAsync();

        var events = await ServerSentEvents.ReadUntilAsync(trips, trip["_links"]!["events"]!["href"]!.GetValue<string>(), e => e.Event == "driver-assigned");

        Assert.Equal(["trip-requested", "driver-assigned"], events.Select(e => e.Event));
        Assert.True(long.Parse(events[0].Id!) < long.Parse(events[1].Id!));
        var assigned = JsonNode.Parse(events[1].Data)!;
        Assert.Equal(trip["id"]!.GetValue<string>(), assigned["id"]!.GetValue<string>());
        Assert.Equal("driver-assigned", assigned["state"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(assigned["driver"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_phone_that_reconnects_with_Last_Event_ID_misses_no_event_and_sees_none_twice()
    {
        var (trip, passenger) = await _app.RequestTripWithPassengerAsync();
        var tripId = trip["id"]!.GetValue<string>();
        using var trips = _app.CreateHttpClient("trips", passenger);
        var path = $"/v1/trips/{tripId}/events";
        var beforeDisconnect = await ServerSentEvents.ReadUntilAsync(trips, path, _ => true);

        // While the phone is away, the driver is assigned and the passenger cancels from another device.
        await _app.WaitForTripStateAsync(tripId, "driver-assigned");
        using (var cancelled = await trips.PostAsync($"/v1/trips/{tripId}/cancellation", null)) Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var afterReconnect = await ServerSentEvents.ReadUntilAsync(trips, path, _ => false, lastEventId: beforeDisconnect.Single().Id);
        var whole = await ServerSentEvents.ReadUntilAsync(trips, path, _ => false);

        Assert.Equal(["trip-requested", "driver-assigned", "trip-cancelled"], whole.Select(e => e.Event));
        Assert.Equal(whole, beforeDisconnect.Concat(afterReconnect));
    }

    [Fact]
    public async Task A_malformed_Last_Event_ID_is_a_400_problem()
    {
        var (trip, passenger) = await _app.RequestTripWithPassengerAsync();
        var tripId = trip["id"]!.GetValue<string>();
        using var trips = _app.CreateHttpClient("trips", passenger);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/trips/{tripId}/events") { Headers = { { "Last-Event-ID", "yesterday" } } };

        using var response = await trips.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static HttpRequestMessage AsyncTripRequest(string passengerId) =>
        new(HttpMethod.Post, "/v1/trips") { Content = TaxiApi.TripRequest(passengerId), Headers = { { "Prefer", "respond-async" } } };
}
