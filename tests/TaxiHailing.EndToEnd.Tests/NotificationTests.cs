using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>Publish/subscribe: trip and dispatch events fan out to independent subscribers, one of which pushes them to phones.</summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class NotificationTests(TaxiHailingApplication taxiHailing)
{
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task The_passenger_phone_learns_of_its_driver_without_asking()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var notifications = _app.CreateHttpClient("notifications", passenger);
        var stream = ServerSentEvents.ReadUntilAsync(notifications, $"/v1/passengers/{passenger.Id}/notifications", e => e.Event == "driver-assigned");
        using var trips = _app.CreateHttpClient("trips", passenger);

        using var requested = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(passenger.Id));
        var tripId = (await requested.ReadJsonAsync())["id"]!.GetValue<string>();

        var events = await stream;
        Assert.Equal(["trip-requested", "driver-assigned"], events.Select(e => e.Event));
        var assigned = JsonNode.Parse(events[1].Data)!;
        Assert.Equal(tripId, assigned["tripId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(assigned["driverName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_driver_phone_is_told_of_its_new_trip()
    {
        var tripId = await _app.RequestTripAsync();
        var driverId = (await _app.WaitForTripStateAsync(tripId, "driver-assigned"))["driver"]!["id"]!.GetValue<string>();
        // The simulated driver's phone, signed in as that driver.
        using var notifications = _app.CreateHttpClient("notifications", await _app.SignInAsync("driver", driverId));

        var events = await ServerSentEvents.ReadUntilAsync(notifications, $"/v1/drivers/{driverId}/notifications",
            e => e.Event == "driver-assigned" && JsonNode.Parse(e.Data)!["tripId"]!.GetValue<string>() == tripId);

        var assignment = JsonNode.Parse(events[^1].Data)!;
        Assert.Equal(TaxiApi.Pickup.Lat, assignment["pickup"]!["lat"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("taxi.trips.events", new[] { "dispatcher", "notifications", "drivers" })]
    [InlineData("taxi.dispatch.events", new[] { "trips", "notifications", "drivers" })]
    public async Task Every_subscriber_group_consumes_every_event_of_the_channel(string topic, string[] subscribers)
    {
        var tripId = await _app.RequestTripAsync();
        await _app.WaitForTripStateAsync(tripId, "driver-assigned");
        var kafka = KafkaTestClient.For(_app);
        var ends = kafka.EndOffsets(topic);
        Assert.Contains(ends, end => end.Value > 0);

        foreach (var subscriber in subscribers)
        {
            await TaxiApi.EventuallyAsync(() => Task.FromResult(ends.All(end => end.Value == 0 || kafka.CommittedOffset(subscriber, end.Key) >= end.Value)),
                TimeSpan.FromSeconds(30), $"{subscriber} has consumed all of {topic}");
        }
    }
}
