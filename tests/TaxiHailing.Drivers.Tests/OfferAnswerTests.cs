using System.Net;
using System.Net.Http.Json;
using System.Text;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Drivers;
using static TaxiHailing.Drivers.Tests.DispatcherSide;

namespace TaxiHailing.Drivers.Tests;

/// <summary>A driver answering an offer from their phone, and the OfferAnswered the Dispatcher gets on its reply channel.</summary>
[Collection(DriversServiceCollection.Name)]
public sealed class OfferAnswerTests(DriversService drivers)
{
    private static readonly GeoPoint Waterloo = new(51.5033, -0.1196);

    [Fact]
    public async Task Accepting_answers_on_the_reply_channel_with_the_offer_correlation_id_in_the_offer_trace()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(Waterloo);
        var offer = Offer([driverId]);
        var (traceParent, traceId) = NewTrace();
        await drivers.SendOfferAsync(offer, traceParent: traceParent);
        await drivers.WaitForOfferAsync(driverId, offer.OfferId);

        using var response = await drivers.AnswerAsync(driverId, offer.OfferId, accept: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = await response.ReadJsonAsync();
        Assert.Equal("accepted", answered["state"]!.GetValue<string>());
        Assert.NotNull(answered["answeredAt"]);
        Assert.Null(answered["_links"]!["accept"]);
        var reply = await drivers.ReplyAsync(OfferAnswered.MessageType, offer.OfferId);
        Assert.Equal(offer.TripId.ToString(), reply.Message.Key);
        Assert.Equal("application/json", reply.Header("content-type"));
        Assert.Equal(traceId, reply.Header("traceparent")?.Split('-')[1]);
        var body = KafkaChannels.Body<OfferAnswered>(reply);
        Assert.Equal((offer.TripId, driverId, true, Waterloo), (body.TripId, body.DriverId, body.Accepted, body.Position));
        Assert.Equal(answered["answeredAt"]!.GetValue<DateTimeOffset>(), body.AnsweredAt);
    }

    [Fact]
    public async Task The_same_answer_again_changes_nothing_and_another_answer_is_a_conflict()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(Waterloo);
        var offer = Offer([driverId]);
        await drivers.SendOfferAsync(offer);
        await drivers.WaitForOfferAsync(driverId, offer.OfferId);

        using var declined = await drivers.AnswerAsync(driverId, offer.OfferId, accept: false);
        using var again = await drivers.AnswerAsync(driverId, offer.OfferId, accept: false);
        using var changed = await drivers.AnswerAsync(driverId, offer.OfferId, accept: true);

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await declined.ReadJsonAsync())["answeredAt"]!.ToJsonString(), (await again.ReadJsonAsync())["answeredAt"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        var problem = await changed.ReadJsonAsync();
        Assert.Equal("Offer already answered", problem["title"]!.GetValue<string>());
        Assert.Contains("declined", problem["detail"]!.GetValue<string>());
        Assert.Equal(1, await drivers.AnswersWrittenAsync(offer.OfferId));
        Assert.False(KafkaChannels.Body<OfferAnswered>(await drivers.ReplyAsync(OfferAnswered.MessageType, offer.OfferId)).Accepted);
        Assert.DoesNotContain(offer.OfferId, await drivers.ListedOfferIdsAsync(driverId));
    }

    [Fact]
    public async Task An_offline_driver_can_decline_but_not_accept()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(Waterloo);
        var first = Offer([driverId]);
        var second = Offer([driverId]);
        await drivers.SendOfferAsync(first);
        await drivers.SendOfferAsync(second);
        await drivers.WaitForOfferAsync(driverId, first.OfferId);
        await drivers.WaitForOfferAsync(driverId, second.OfferId);
        using var offline = await drivers.As(driverId).PutAsJsonAsync($"/v1/drivers/{driverId}/availability", new { online = false });
        offline.EnsureSuccessStatusCode();

        using var accepted = await drivers.AnswerAsync(driverId, first.OfferId, accept: true);
        using var declined = await drivers.AnswerAsync(driverId, second.OfferId, accept: false);

        Assert.Equal(HttpStatusCode.Conflict, accepted.StatusCode);
        Assert.Equal("Driver is offline", (await accepted.ReadJsonAsync())["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(0, await drivers.AnswersWrittenAsync(first.OfferId));
        Assert.Equal(Waterloo, KafkaChannels.Body<OfferAnswered>(await drivers.ReplyAsync(OfferAnswered.MessageType, second.OfferId)).Position);
    }

    [Fact]
    public async Task A_bad_answer_is_refused_with_what_is_wrong()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(Waterloo);
        var answer = $"/v1/drivers/{driverId}/offers/{Guid.NewGuid()}/answer";

        using var missing = await drivers.As(driverId).PostAsync(answer, new StringContent("""{ "accept": null }""", Encoding.UTF8, "application/json"));
        using var wrongType = await drivers.As(driverId).PostAsync(answer, new StringContent("""{ "accept": "yes" }""", Encoding.UTF8, "application/json"));
        using var notJson = await drivers.As(driverId).PostAsync(answer, new StringContent("accept", Encoding.UTF8, "text/plain"));
        using var unknownOffer = await drivers.As(driverId).PostAsJsonAsync(answer, new { accept = true });
        var stranger = Guid.NewGuid();
        using var unknownDriver = await drivers.As(stranger).PostAsJsonAsync($"/v1/drivers/{stranger}/offers/{Guid.NewGuid()}/answer", new { accept = true });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await missing.ReadJsonAsync())["errors"]!["accept"]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.NotNull((await wrongType.ReadJsonAsync())["errors"]!["accept"]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownOffer.StatusCode);
        Assert.Equal("Offer not found", (await unknownOffer.ReadJsonAsync())["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknownDriver.StatusCode);
        Assert.Equal("Driver not found", (await unknownDriver.ReadJsonAsync())["title"]!.GetValue<string>());
    }
}
