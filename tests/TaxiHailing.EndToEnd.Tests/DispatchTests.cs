using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace TaxiHailing.EndToEnd.Tests;

[Collection(TaxiHailingCollection.Name)]
public sealed class DispatchTests(TaxiHailingApplication taxiHailing)
{
    private const string TripEvents = "taxi.trips.events";
    private const string DispatchEvents = "taxi.dispatch.events";
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task A_requested_trip_goes_to_the_driver_with_the_shortest_eta_among_those_who_accepted_its_offer()
    {
        var tripId = await _app.RequestTripAsync();

        var trip = await _app.WaitForTripStateAsync(tripId, "driver-assigned");

        var driver = trip["driver"]!;
        var acceptances = (await _app.GetDispatchAsync(tripId))["offers"]!.AsArray()[^1]!["answers"]!.AsArray()
            .Where(a => a!["accepted"]!.GetValue<bool>() && !a["late"]!.GetValue<bool>()).ToList();
        var winner = Assert.Single(acceptances, a => a!["driverId"]!.GetValue<string>() == driver["id"]!.GetValue<string>())!;
        Assert.Equal(acceptances.Min(a => a!["etaSeconds"]!.GetValue<int>()), winner["etaSeconds"]!.GetValue<int>());
        Assert.Equal(winner["etaSeconds"]!.GetValue<int>(), driver["etaSeconds"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(driver["name"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(driver["vehicle"]!["plate"]!.GetValue<string>()));
        Assert.True(driver["etaSeconds"]!.GetValue<int>() >= 60);
        Assert.NotNull(trip["_links"]!["cancel"]);
        using var dispatcher = await _app.CreateOperatorClientAsync("dispatcher");
        var drivers = (await (await dispatcher.GetAsync("/v1/drivers")).ReadJsonAsync())["drivers"]!.AsArray();
        var assigned = drivers.Single(d => d!["id"]!.GetValue<string>() == driver["id"]!.GetValue<string>())!;
        Assert.False(assigned["available"]!.GetValue<bool>());
        Assert.Equal(tripId, assigned["currentTripId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trip_far_from_every_driver_is_unserved()
    {
        var tripId = await _app.RequestTripAsync(pickup: (-33.8568, 151.2153));

        var trip = await _app.WaitForTripStateAsync(tripId, "unserved");

        Assert.Contains("No driver", trip["unservedReason"]!.GetValue<string>());
        Assert.Null(trip["_links"]!["cancel"]);
    }

    [Fact]
    public async Task Cancelling_an_assigned_trip_gives_its_driver_back_to_the_fleet()
    {
        var (trip, passenger) = await _app.RequestTripWithPassengerAsync();
        var tripId = trip["id"]!.GetValue<string>();
        var driverId = (await _app.WaitForTripStateAsync(tripId, "driver-assigned"))["driver"]!["id"]!.GetValue<string>();
        using var trips = _app.CreateHttpClient("trips", passenger);

        using var cancelled = await trips.PostAsync($"/v1/trips/{tripId}/cancellation", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        using var dispatcher = await _app.CreateOperatorClientAsync("dispatcher");
        await TaxiApi.EventuallyAsync(async () =>
        {
            var drivers = (await (await dispatcher.GetAsync("/v1/drivers")).ReadJsonAsync())["drivers"]!.AsArray();
            return drivers.Single(d => d!["id"]!.GetValue<string>() == driverId)!["available"]!.GetValue<bool>();
        }, TimeSpan.FromSeconds(30), $"driver {driverId} is available again");
    }

    [Fact]
    public async Task The_same_TripCreated_delivered_twice_is_applied_once()
    {
        var tripId = await _app.RequestTripAsync();
        await _app.WaitForTripStateAsync(tripId, "driver-assigned");
        var kafka = KafkaTestClient.For(_app);
        var original = kafka.ReadAll(TripEvents).Single(m => m.Message.Key == tripId && m.Header("message-type") == "trips.trip-created.v2");
        var headers = original.Message.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes())));

        var redelivered = await kafka.ProduceAsync(TripEvents, tripId, original.Message.Value, headers);

        await TaxiApi.EventuallyAsync(() => Task.FromResult(kafka.CommittedOffset("dispatcher", redelivered.TopicPartition) > redelivered.Offset.Value),
            TimeSpan.FromSeconds(30), "the dispatcher has consumed the redelivered message");
        // The service's log reaches the AppHost a little after the service wrote it, sometimes after the commit.
        await TaxiApi.EventuallyAsync(() => Task.FromResult(_app.GetResourceLogs("dispatcher")
                .Any(line => line.Contains($"Skipped trips.trip-created.v2 {original.Header("message-id")}"))),
            TimeSpan.FromSeconds(10), "the dispatcher logged the redelivered message as already processed");
        Assert.Single(kafka.ReadAll(DispatchEvents), m => m.Message.Key == tripId);
    }

    [Fact]
    public async Task Messages_the_dispatcher_cannot_read_are_dead_lettered_with_their_error_and_it_goes_on()
    {
        var kafka = KafkaTestClient.For(_app);
        var malformedId = Guid.NewGuid().ToString();
        var unknownTypeId = Guid.NewGuid().ToString();
        await kafka.ProduceAsync(TripEvents, "poison-1", "{ \"tripId\": "u8.ToArray(),
            [("message-id", malformedId), ("message-type", "trips.trip-created.v2"), ("content-type", "application/json")]);
        await kafka.ProduceAsync(TripEvents, "poison-2", "{}"u8.ToArray(),
            [("message-id", unknownTypeId), ("message-type", "trips.trip-teleported.v1"), ("content-type", "application/json")]);
        await kafka.ProduceAsync(TripEvents, "poison-3", "{}"u8.ToArray(), [("message-type", "trips.trip-created.v2")]);

        await TaxiApi.EventuallyAsync(() => Task.FromResult(
                kafka.ReadAll($"{TripEvents}.dlq").Count(m => m.Message.Key.StartsWith("poison-") && m.Header("dead-letter-consumer") == "dispatcher") == 3),
            TimeSpan.FromSeconds(30), "the three unreadable messages are in the dead-letter topic");
        var deadLetters = kafka.ReadAll($"{TripEvents}.dlq").Where(m => m.Header("dead-letter-consumer") == "dispatcher").ToList();
        var malformed = deadLetters.Single(m => m.Header("message-id") == malformedId);
        Assert.Equal("malformed-body", malformed.Header("dead-letter-reason"));
        Assert.Equal(TripEvents, malformed.Header("dead-letter-original-topic"));
        Assert.Equal("{ \"tripId\": ", Encoding.UTF8.GetString(malformed.Message.Value));
        Assert.Equal("unknown-message-type", deadLetters.Single(m => m.Header("message-id") == unknownTypeId).Header("dead-letter-reason"));
        Assert.Equal("invalid-envelope", deadLetters.Single(m => m.Message.Key == "poison-3").Header("dead-letter-reason"));

        var tripId = await _app.RequestTripAsync();
        await _app.WaitForTripStateAsync(tripId, "driver-assigned");
    }

    [Fact]
    public async Task A_restarted_dispatcher_neither_reprocesses_handled_trips_nor_skips_waiting_ones()
    {
        var handledBefore = await _app.RequestTripAsync();
        await _app.WaitForTripStateAsync(handledBefore, "driver-assigned");

        await _app.StopResourceAsync("dispatcher");
        string[] waiting;
        try
        {
            waiting = [await _app.RequestTripAsync(), await _app.RequestTripAsync()];
            foreach (var tripId in waiting) Assert.Equal("requested", (await _app.GetTripAsync(tripId))["state"]!.GetValue<string>());
        }
        finally
        {
            await _app.StartResourceAsync("dispatcher");
            await _app.WaitForResourceHealthyAsync("dispatcher", TimeSpan.FromSeconds(60));
        }

        // Healthy is not yet listening: the embedded broker keeps a group rebalancing for 9 s after its member left, so
        // the restarted consumers are given their partitions only then, and under load a while later.
        foreach (var tripId in waiting) await _app.WaitForTripStateAsync(tripId, "driver-assigned", TimeSpan.FromSeconds(90));
        var outcomes = KafkaTestClient.For(_app).ReadAll(DispatchEvents);
        foreach (var tripId in waiting.Append(handledBefore)) Assert.Single(outcomes, m => m.Message.Key == tripId);
    }

    [Fact]
    public async Task Trips_requested_while_the_broker_is_down_are_published_and_assigned_once_it_is_back()
    {
        await _app.StopResourceAsync("kafka");
        string tripId;
        try
        {
            tripId = await _app.RequestTripAsync();
            Assert.Equal("requested", (await _app.GetTripAsync(tripId))["state"]!.GetValue<string>());
        }
        finally
        {
            await _app.StartResourceAsync("kafka");
            await _app.WaitForResourceHealthyAsync("kafka", TimeSpan.FromSeconds(30));
        }

        await _app.WaitForTripStateAsync(tripId, "driver-assigned", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task One_trace_runs_from_the_trip_request_through_the_dispatcher_and_back_to_trips()
    {
        var passenger = await _app.RegisterPassengerAsync();
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var trips = _app.CreateHttpClient("trips", passenger);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/trips") { Content = TaxiApi.TripRequest(passenger.Id) };
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
        using var response = await trips.SendAsync(request);
        var tripId = (await response.ReadJsonAsync())["id"]!.GetValue<string>();

        await _app.WaitForTripStateAsync(tripId, "driver-assigned");

        // The dispatcher's handler and trips' handler of the answer log inside their process spans.
        await TaxiApi.EventuallyAsync(() => Task.FromResult(
                _app.GetResourceLogs("dispatcher").Any(line => line.Contains($"TraceId:{traceId}") && line.Contains($"to trip {tripId}"))
                && _app.GetResourceLogs("trips").Any(line => line.Contains($"TraceId:{traceId}") && line.Contains($"Trip {tripId}: driver"))),
            TimeSpan.FromSeconds(10), $"the dispatcher and trips handle trip {tripId} in trace {traceId}");
    }
}
