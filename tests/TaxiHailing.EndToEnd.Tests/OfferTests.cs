using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>
/// Publish/async responses (a trip offered to the drivers nearby, answers collected within a window) and
/// request/async response over messaging (the chosen driver confirmed through the Drivers service).
/// </summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class OfferTests(TaxiHailingApplication taxiHailing)
{
    private const string Offers = "taxi.dispatch.offers";
    private const string Replies = "taxi.dispatch.replies";
    private const string DriverRequests = "taxi.drivers.requests";
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task Of_three_drivers_offered_the_nearest_who_accepts_wins_the_others_are_withdrawn_and_a_late_answer_is_ignored()
    {
        (double Lat, double Lng) edinburgh = (55.9533, -3.1883);
        var near = await _app.RegisterOnlineDriverAsync((edinburgh.Lat + 0.0027, edinburgh.Lng), "Alasdair Reid");
        var farther = await _app.RegisterOnlineDriverAsync((edinburgh.Lat + 0.009, edinburgh.Lng), "Bridget Kerr");
        var silent = await _app.RegisterOnlineDriverAsync((edinburgh.Lat - 0.0135, edinburgh.Lng), "Calum Fraser");
        await _app.WaitUntilDispatcherHasAvailableAsync(near, farther, silent);

        var tripId = await _app.RequestTripAsync(pickup: edinburgh);
        var offer = await _app.WaitForOfferAsync(farther, tripId);
        Assert.Equal(offer["offerId"]!.GetValue<string>(), (await _app.WaitForOfferAsync(near, tripId))["offerId"]!.GetValue<string>());
        Assert.Equal(offer["offerId"]!.GetValue<string>(), (await _app.WaitForOfferAsync(silent, tripId))["offerId"]!.GetValue<string>());
        using (var answer = await _app.AnswerOfferAsync(farther, offer, accept: true)) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using (var answer = await _app.AnswerOfferAsync(near, offer, accept: true)) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        // The third driver never answers, so the round lasts its whole window; then the shorter ETA wins.
        var trip = await _app.WaitForTripStateAsync(tripId, "driver-assigned");
        Assert.Equal(near.Id, trip["driver"]!["id"]!.GetValue<string>());

        var offerId = offer["offerId"]!.GetValue<string>();
        var kafka = KafkaTestClient.For(_app);
        var withdrawal = kafka.ReadAll(Offers).Single(m => m.Message.Key == tripId && m.Header("message-type") == "dispatch.offer-withdrawn.v1");
        var withdrawn = JsonNode.Parse(withdrawal.Message.Value)!;
        Assert.Equal(offerId, withdrawn["offerId"]!.GetValue<string>());
        Assert.Equal(new[] { farther.Id, silent.Id }.Order(), withdrawn["driverIds"]!.AsArray().Select(id => id!.GetValue<string>()).Order());
        await TaxiApi.EventuallyAsync(async () => (await _app.OpenOffersAsync(silent)).All(o => o!["tripId"]!.GetValue<string>() != tripId),
            TimeSpan.FromSeconds(30), $"the offer of trip {tripId} is no longer open on driver {silent.Id}'s phone");
        using (var tooLate = await _app.AnswerOfferAsync(silent, offer, accept: true)) Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);

        // An answer that reaches the Dispatcher after the window (delayed on its way), better as it would be, changes nothing.
        var lateAnswer = $$"""{ "tripId": "{{tripId}}", "driverId": "{{silent.Id}}", "accepted": true, "position": { "lat": {{edinburgh.Lat}}, "lng": {{edinburgh.Lng}} }, "answeredAt": "{{DateTimeOffset.UtcNow:O}}" }""";
        await kafka.ProduceAsync(Replies, tripId, Encoding.UTF8.GetBytes(lateAnswer),
            [("message-id", Guid.NewGuid().ToString()), ("message-type", "drivers.offer-answered.v1"), ("content-type", "application/json"), ("correlation-id", offerId)]);

        JsonObject dispatch = [];
        await TaxiApi.EventuallyAsync(async () =>
        {
            dispatch = await _app.GetDispatchAsync(tripId);
            return AnswersOf(dispatch).Any(a => a["driverId"]!.GetValue<string>() == silent.Id);
        }, TimeSpan.FromSeconds(30), $"the Dispatcher has received driver {silent.Id}'s late answer");
        Assert.True(AnswersOf(dispatch).Single(a => a["driverId"]!.GetValue<string>() == silent.Id)["late"]!.GetValue<bool>());
        Assert.All(AnswersOf(dispatch).Where(a => a["driverId"]!.GetValue<string>() != silent.Id), a => Assert.False(a["late"]!.GetValue<bool>()));
        Assert.Equal("assigned", dispatch["stage"]!.GetValue<string>());
        Assert.Equal(near.Id, (await _app.GetTripAsync(tripId))["driver"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trip_nobody_accepts_is_offered_farther_out_round_by_round_and_unserved_after_the_last()
    {
        (double Lat, double Lng) oslo = (59.9139, 10.7522);
        Account[] drivers =
        [
            await _app.RegisterOnlineDriverAsync((oslo.Lat + 0.009, oslo.Lng), "Ingrid Berg"), // about 1 km away
            await _app.RegisterOnlineDriverAsync((oslo.Lat + 0.036, oslo.Lng), "Lars Haugen"), // about 4 km
            await _app.RegisterOnlineDriverAsync((oslo.Lat - 0.072, oslo.Lng), "Nora Dahl"), // about 8 km
        ];
        await _app.WaitUntilDispatcherHasAvailableAsync(drivers);

        var tripId = await _app.RequestTripAsync(pickup: oslo);
        foreach (var driver in drivers)
        {
            var offer = await _app.WaitForOfferAsync(driver, tripId);
            using var declined = await _app.AnswerOfferAsync(driver, offer, accept: false);
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }

        var trip = await _app.WaitForTripStateAsync(tripId, "unserved");
        Assert.Contains("No driver accepted", trip["unservedReason"]!.GetValue<string>());
        var rounds = (await _app.GetDispatchAsync(tripId))["offers"]!.AsArray();
        Assert.Equal([1, 2, 3], rounds.Select(r => r!["round"]!.GetValue<int>()));
        Assert.Equal([2.5, 5, 10], rounds.Select(r => r!["radiusKm"]!.GetValue<double>()));
        Assert.Equal(drivers.Select(driver => driver.Id), rounds.Select(r => Assert.Single(r!["driverIds"]!.AsArray())!.GetValue<string>()));
    }

    [Fact]
    public async Task Offers_and_confirmation_requests_name_their_reply_channel_and_every_answer_echoes_their_correlation_id()
    {
        var tripId = await _app.RequestTripAsync();
        var driverId = (await _app.WaitForTripStateAsync(tripId, "driver-assigned"))["driver"]!["id"]!.GetValue<string>();
        var dispatch = await _app.GetDispatchAsync(tripId);
        var kafka = KafkaTestClient.For(_app);

        var offered = kafka.ReadAll(Offers).Where(m => m.Message.Key == tripId && m.Header("message-type") == "dispatch.trip-offered.v1").ToList();
        Assert.NotEmpty(offered);
        Assert.All(offered, m => Assert.Equal(Replies, m.Header("reply-to")));
        Assert.Equal(dispatch["offers"]!.AsArray().Select(o => o!["offerId"]!.GetValue<string>()), offered.Select(m => m.Header("correlation-id")));

        var replies = kafka.ReadAll(Replies).Where(m => m.Message.Key == tripId).ToList();
        var answers = replies.Where(m => m.Header("message-type") == "drivers.offer-answered.v1").ToList();
        Assert.NotEmpty(answers);
        Assert.All(answers, m => Assert.Contains(m.Header("correlation-id"), offered.Select(o => o.Header("correlation-id"))));

        // Other tests' trips share this pickup: a driver who accepted may have been confirmed for one of them first,
        // and then the next acceptance is asked. Every request is one confirmation, in order; the last one holds.
        var requests = kafka.ReadAll(DriverRequests).Where(m => m.Message.Key == tripId).ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, m => Assert.Equal("dispatch.confirm-assignment.v1", m.Header("message-type")));
        Assert.All(requests, m => Assert.Equal(Replies, m.Header("reply-to")));
        var confirmations = dispatch["confirmations"]!.AsArray();
        Assert.Equal(confirmations.Select(c => c!["confirmationId"]!.GetValue<string>()), requests.Select(m => m.Header("correlation-id")));
        var confirmation = confirmations.Last()!;
        Assert.Equal("confirmed", confirmation["outcome"]!.GetValue<string>());
        Assert.Equal(driverId, confirmation["driverId"]!.GetValue<string>());
        var assignmentAnswers = replies.Where(m => m.Header("message-type") == "drivers.assignment-answered.v1").ToList();
        Assert.All(assignmentAnswers, m => Assert.Contains(m.Header("correlation-id"), requests.Select(r => r.Header("correlation-id"))));
        var confirmed = Assert.Single(assignmentAnswers, m => m.Header("correlation-id") == confirmation["confirmationId"]!.GetValue<string>());
        Assert.True(JsonNode.Parse(confirmed.Message.Value)!["confirmed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_confirmation_that_gets_no_answer_times_out_frees_the_driver_and_its_late_answer_is_ignored()
    {
        (double Lat, double Lng) madrid = (40.4168, -3.7038);
        var driver = await _app.RegisterOnlineDriverAsync((madrid.Lat + 0.0045, madrid.Lng), "Lucía Romero");
        var driverId = driver.Id;
        await _app.WaitUntilDispatcherHasAvailableAsync(driver);
        var kafka = KafkaTestClient.For(_app);

        // With the Drivers service down, nobody answers the confirmation request; the test answers the offer itself.
        await _app.StopResourceAsync("drivers");
        string tripId;
        try
        {
            tripId = await _app.RequestTripAsync(pickup: madrid);
            string? offerId = null;
            await TaxiApi.EventuallyAsync(() =>
            {
                offerId = kafka.ReadAll(Offers).FirstOrDefault(m => m.Message.Key == tripId)?.Header("correlation-id");
                return Task.FromResult(offerId is not null);
            }, TimeSpan.FromSeconds(30), $"trip {tripId} is offered");
            var accepted = $$"""{ "tripId": "{{tripId}}", "driverId": "{{driverId}}", "accepted": true, "position": { "lat": {{madrid.Lat + 0.0045}}, "lng": {{madrid.Lng}} }, "answeredAt": "{{DateTimeOffset.UtcNow:O}}" }""";
            await kafka.ProduceAsync(Replies, tripId, Encoding.UTF8.GetBytes(accepted),
                [("message-id", Guid.NewGuid().ToString()), ("message-type", "drivers.offer-answered.v1"), ("content-type", "application/json"), ("correlation-id", offerId!)]);

            var trip = await _app.WaitForTripStateAsync(tripId, "unserved");
            Assert.Contains("No driver accepted", trip["unservedReason"]!.GetValue<string>());
            var confirmation = Assert.Single((await _app.GetDispatchAsync(tripId))["confirmations"]!.AsArray())!;
            Assert.Equal("timed-out", confirmation["outcome"]!.GetValue<string>());
            Assert.Equal(driverId, confirmation["driverId"]!.GetValue<string>());
            await _app.WaitUntilDispatcherHasAvailableAsync(driver);
        }
        finally
        {
            await _app.StartResourceAsync("drivers");
            await _app.WaitForResourceHealthyAsync("drivers", TimeSpan.FromSeconds(60));
            await WaitUntilDriversHearOffersAgainAsync(kafka);
        }

        // Back, the Drivers service answers the request it missed; the Dispatcher notes the answer and changes nothing.
        JsonNode settled = new JsonObject();
        await TaxiApi.EventuallyAsync(async () =>
        {
            settled = (await _app.GetDispatchAsync(tripId))["confirmations"]!.AsArray().Single()!;
            return settled["lateAnswer"] is not null;
        }, TimeSpan.FromSeconds(30), $"the late answer to trip {tripId}'s confirmation request has arrived");
        Assert.Equal("timed-out", settled["outcome"]!.GetValue<string>());
        Assert.Equal("unserved", (await _app.GetTripAsync(tripId))["state"]!.GetValue<string>());
    }

    // Healthy is not yet listening: the restarted service's consumers rejoin their group one channel at a time, and
    // until the offers channel is theirs again an offer reaches the phones after its window has closed. A probe the
    // service can only dead-letter shows when it has: its offset is committed once it was handled.
    private static async Task WaitUntilDriversHearOffersAgainAsync(KafkaTestClient kafka)
    {
        var probe = await kafka.ProduceAsync(Offers, $"probe-{Guid.NewGuid()}", "{}"u8.ToArray(),
            [("message-id", Guid.NewGuid().ToString()), ("message-type", "dispatch.offer-withdrawn.v1"), ("content-type", "application/json")]);
        await TaxiApi.EventuallyAsync(() => Task.FromResult(kafka.CommittedOffset("drivers", probe.TopicPartition) > probe.Offset.Value),
            TimeSpan.FromSeconds(90), "the restarted Drivers service consumes offers again");
    }

    private static IEnumerable<JsonNode> AnswersOf(JsonObject dispatch) =>
        dispatch["offers"]!.AsArray().SelectMany(o => o!["answers"]!.AsArray()).Select(a => a!);
}
