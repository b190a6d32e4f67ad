using System.Text.Json;
using System.Text.Json.Nodes;
using TaxiHailing.Contracts;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers.Tests;

public class OfferRepresentationTests
{
    private static readonly Guid DriverId = Guid.Parse("0190b7a5-1d2e-7c3f-8a4b-5c6d7e8f9a0b");
    private static readonly Guid OfferId = Guid.Parse("0190b7a5-bbbb-7ccc-8ddd-eeeeeeeeeeee");
    private static readonly DateTimeOffset OfferedAt = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static DriverOffer Offer(OfferState state = OfferState.Open) => new(
        OfferId, DriverId, Guid.NewGuid(), 2, new GeoPoint(51.5007, -0.1246), new GeoPoint(51.5194, -0.1270), OfferedAt, OfferedAt.AddSeconds(15),
        state, state is OfferState.Accepted or OfferState.Declined ? OfferedAt.AddSeconds(3) : null,
        state == OfferState.Withdrawn ? OfferedAt.AddSeconds(5) : null, state == OfferState.Withdrawn ? "the trip was cancelled" : null,
        new ReplyAddress("taxi.dispatch.replies", OfferId.ToString()), null, null);

    [Fact]
    public void An_open_offer_can_be_accepted_or_declined_with_the_same_post()
    {
        var json = Serialize(OfferRepresentation.Of(Offer(), OfferedAt.AddSeconds(1)));

        Assert.Equal(["offerId", "tripId", "round", "pickup", "dropoff", "offeredAt", "answerBy", "state", "_links"], json.AsObject().Select(p => p.Key));
        Assert.Equal("open", (string?)json["state"]);
        Assert.Equal(["self", "driver", "accept", "decline"], json["_links"]!.AsObject().Select(p => p.Key));
        var answer = $"/v1/drivers/{DriverId}/offers/{OfferId}/answer";
        Assert.Equal((answer, "POST"), ((string?)json["_links"]!["accept"]!["href"], (string?)json["_links"]!["accept"]!["method"]));
        Assert.Equal((answer, "POST"), ((string?)json["_links"]!["decline"]!["href"], (string?)json["_links"]!["decline"]!["method"]));
        Assert.Equal($"/v1/drivers/{DriverId}/offers/{OfferId}", (string?)json["_links"]!["self"]!["href"]);
    }

    [Fact]
    public void An_open_offer_past_its_answer_by_time_is_expired_and_cannot_be_answered()
    {
        var json = Serialize(OfferRepresentation.Of(Offer(), OfferedAt.AddSeconds(16)));

        Assert.Equal("expired", (string?)json["state"]);
        Assert.Equal(["self", "driver"], json["_links"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData(OfferState.Accepted, "accepted")]
    [InlineData(OfferState.Declined, "declined")]
    [InlineData(OfferState.Withdrawn, "withdrawn")]
    public void An_answered_or_withdrawn_offer_says_so_and_offers_no_answer(OfferState state, string name)
    {
        var json = Serialize(OfferRepresentation.Of(Offer(state), OfferedAt.AddSeconds(1)));

        Assert.Equal(name, (string?)json["state"]);
        Assert.Null(json["_links"]!["accept"]);
        Assert.Equal(state == OfferState.Withdrawn, json.AsObject().ContainsKey("withdrawalReason"));
        Assert.Equal(state != OfferState.Withdrawn, json.AsObject().ContainsKey("answeredAt"));
    }

    [Fact]
    public void An_answer_must_say_accept_or_decline()
    {
        Assert.Equal([("accept", "Say whether the driver accepts the offer (true) or declines it (false).")], new AnswerOfferBody(null).Validate());
        Assert.Empty(new AnswerOfferBody(false).Validate());
    }

    private static JsonNode Serialize(OfferRepresentation representation) =>
        JsonNode.Parse(JsonSerializer.Serialize(representation, DriversJsonContext.Default.OfferRepresentation))!;
}
