using System.Net;
using TaxiHailing.Contracts;
using static TaxiHailing.Drivers.Tests.DispatcherSide;

namespace TaxiHailing.Drivers.Tests;

/// <summary>Offers arriving on taxi.dispatch.offers, as the drivers' phones see them; withdrawals, expiry and invalid offers.</summary>
[Collection(DriversServiceCollection.Name)]
public sealed class OfferInboxTests(DriversService drivers)
{
    [Fact]
    public async Task An_offer_reaches_each_listed_driver_with_links_to_accept_or_decline_it()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(new GeoPoint(51.5033, -0.1196));
        var stranger = Guid.NewGuid();
        var offer = Offer([driverId, stranger]);

        await drivers.SendOfferAsync(offer);

        var shown = await drivers.WaitForOfferAsync(driverId, offer.OfferId);
        Assert.Equal(offer.TripId.ToString(), shown["tripId"]!.GetValue<string>());
        Assert.Equal(1, shown["round"]!.GetValue<int>());
        Assert.Equal(Pickup.Lat, shown["pickup"]!["lat"]!.GetValue<double>());
        Assert.Equal(Dropoff.Lng, shown["dropoff"]!["lng"]!.GetValue<double>());
        Assert.Equal(offer.AnswerBy.ToUnixTimeMilliseconds(), shown["answerBy"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
        Assert.Equal("open", shown["state"]!.GetValue<string>());
        var answer = $"/v1/drivers/{driverId}/offers/{offer.OfferId}/answer";
        Assert.Equal(answer, shown["_links"]!["accept"]!["href"]!.GetValue<string>());
        Assert.Equal("POST", shown["_links"]!["decline"]!["method"]!.GetValue<string>());
        Assert.Contains(offer.OfferId, await drivers.ListedOfferIdsAsync(driverId));
        using var unknown = await drivers.As(stranger).GetAsync($"/v1/drivers/{stranger}/offers");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_offer_is_no_longer_listed_and_cannot_be_answered()
    {
        var loser = await drivers.RegisterOnlineDriverAsync(new GeoPoint(51.51, -0.12));
        var winner = await drivers.RegisterOnlineDriverAsync(new GeoPoint(51.50, -0.12));
        var offer = Offer([loser, winner]);
        await drivers.SendOfferAsync(offer);
        await drivers.WaitForOfferAsync(loser, offer.OfferId);

        await drivers.WithdrawAsync(offer, [loser], "the trip went to another driver");

        await Eventually.TrueAsync(async () => (await drivers.WaitForOfferAsync(loser, offer.OfferId))["state"]!.GetValue<string>() == "withdrawn",
            Soon, $"offer {offer.OfferId} is withdrawn from driver {loser}");
        var withdrawn = await drivers.WaitForOfferAsync(loser, offer.OfferId);
        Assert.Equal("the trip went to another driver", withdrawn["withdrawalReason"]!.GetValue<string>());
        Assert.Null(withdrawn["_links"]!["accept"]);
        Assert.DoesNotContain(offer.OfferId, await drivers.ListedOfferIdsAsync(loser));
        using var refused = await drivers.AnswerAsync(loser, offer.OfferId, accept: true);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("the trip went to another driver", (await refused.ReadJsonAsync())["detail"]!.GetValue<string>());
        Assert.Contains(offer.OfferId, await drivers.ListedOfferIdsAsync(winner));
    }

    [Fact]
    public async Task An_expired_offer_is_not_listed_and_cannot_be_answered()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(new GeoPoint(51.52, -0.13));
        var offer = Offer([driverId], answerBy: DateTimeOffset.UtcNow.AddSeconds(-1));

        await drivers.SendOfferAsync(offer);

        var shown = await drivers.WaitForOfferAsync(driverId, offer.OfferId);
        Assert.Equal("expired", shown["state"]!.GetValue<string>());
        Assert.Null(shown["_links"]!["accept"]);
        Assert.DoesNotContain(offer.OfferId, await drivers.ListedOfferIdsAsync(driverId));
        using var refused = await drivers.AnswerAsync(driverId, offer.OfferId, accept: true);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.StartsWith("The offer expired at ", (await refused.ReadJsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(0, await drivers.AnswersWrittenAsync(offer.OfferId));
    }

    [Theory]
    [InlineData(null, "has no reply-to header")]
    [InlineData("taxi.somewhere.else", "Replies to taxi.somewhere.else are not allowed")]
    public async Task An_offer_that_could_not_be_answered_is_dead_lettered_at_once_and_never_shown(string? replyTo, string error)
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(new GeoPoint(51.53, -0.14));
        var offer = Offer([driverId]);

        var messageId = await drivers.SendOfferAsync(offer, replyTo);

        var deadLetter = await drivers.Kafka.WaitForAsync("taxi.dispatch.offers.dlq", message => message.Header("message-id") == messageId.ToString(),
            $"offer {offer.OfferId} dead-lettered");
        Assert.Equal("invalid-message", deadLetter.Header("dead-letter-reason"));
        Assert.Contains(error, deadLetter.Header("dead-letter-error"));
        using var missing = await drivers.As(driverId).GetAsync($"/v1/drivers/{driverId}/offers/{offer.OfferId}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
