using System.Diagnostics;

namespace TaxiHailing.EndToEnd.Tests;

[Collection(PartialFailureCollection.Name)]
public sealed class IdleStreamTests(PartialFailureApplication partialFailure)
{
    private readonly DistributedApplication _app = partialFailure.App;

    [Fact]
    public async Task A_trip_event_stream_with_nothing_new_to_say_ends_after_its_idle_limit()
    {
        await _app.WaitUntilTripsVerifiesLiveAsync();
        var (trip, passenger) = await _app.RequestTripWithPassengerAsync();
        var tripId = trip["id"]!.GetValue<string>();
        using var trips = _app.CreateHttpClient("trips", passenger);

        // Resuming after every event there is, or ever will be soon: the stream has nothing to send but keep-alives.
        var clock = Stopwatch.StartNew();
        var events = await ServerSentEvents.ReadUntilAsync(trips, $"/v1/trips/{tripId}/events", _ => false, lastEventId: "999999999",
            timeout: TimeSpan.FromSeconds(30));

        Assert.Empty(events);
        Assert.True(clock.Elapsed >= PartialFailureApplication.TripEventsIdleTimeout - TimeSpan.FromMilliseconds(500), $"the stream ended after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_notification_stream_with_nothing_new_to_say_ends_after_its_idle_limit()
    {
        var passenger = await _app.SignInAsync("passenger");
        using var notifications = _app.CreateHttpClient("notifications", passenger);

        var clock = Stopwatch.StartNew();
        var events = await ServerSentEvents.ReadUntilAsync(notifications, $"/v1/passengers/{passenger.Id}/notifications", _ => false,
            timeout: TimeSpan.FromSeconds(30));

        Assert.Empty(events);
        Assert.True(clock.Elapsed >= PartialFailureApplication.NotificationsIdleTimeout - TimeSpan.FromMilliseconds(500), $"the stream ended after {clock.Elapsed}");
    }
}
