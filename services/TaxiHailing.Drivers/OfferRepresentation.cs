using System.Text.Json.Serialization;

namespace TaxiHailing.Drivers;

/// <summary>
/// A trip offered to a driver, as their phone shows it. <see cref="State"/> is open, accepted, declined, withdrawn,
/// or expired (open, but past <see cref="AnswerBy"/>); accept and decline are offered only while it can be answered.
/// </summary>
public sealed record OfferRepresentation(
    Guid OfferId,
    Guid TripId,
    int Round,
    PositionRepresentation Pickup,
    PositionRepresentation Dropoff,
    DateTimeOffset OfferedAt,
    DateTimeOffset AnswerBy,
    string State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AnsweredAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawalReason,
    [property: JsonPropertyName("_links")] OfferLinks Links)
{
    public const string Expired = "expired";

    public static OfferRepresentation Of(DriverOffer offer, DateTimeOffset now)
    {
        var answerable = offer.IsOpenAt(now);
        var answer = answerable ? new Link(DriverHrefs.OfferAnswer(offer.DriverId, offer.OfferId), "POST") : null;
        var links = new OfferLinks(
            Self: new Link(DriverHrefs.Offer(offer.DriverId, offer.OfferId)),
            Driver: new Link(DriverHrefs.Driver(offer.DriverId)),
            Accept: answer,
            Decline: answer);
        var state = offer.State == OfferState.Open && !answerable ? Expired : OfferRows.Name(offer.State);
        return new(offer.OfferId, offer.TripId, offer.Round, new(offer.Pickup.Lat, offer.Pickup.Lng), new(offer.Dropoff.Lat, offer.Dropoff.Lng),
            offer.OfferedAt, offer.AnswerBy, state, offer.AnsweredAt, offer.WithdrawalReason, links);
    }
}

/// <summary>accept and decline are the same POST with <c>"accept": true</c> or <c>false</c>.</summary>
public sealed record OfferLinks(
    Link Self,
    Link Driver,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Accept = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Decline = null);

/// <summary>The offers a driver can answer now, oldest first.</summary>
public sealed record OfferListRepresentation(
    IReadOnlyList<OfferRepresentation> Offers,
    [property: JsonPropertyName("_links")] OfferListLinks Links)
{
    public static OfferListRepresentation Of(Guid driverId, IReadOnlyList<DriverOffer> offers, DateTimeOffset now) =>
        new([.. offers.Select(offer => OfferRepresentation.Of(offer, now))],
            new OfferListLinks(new Link(DriverHrefs.Offers(driverId)), new Link(DriverHrefs.Driver(driverId))));
}

public sealed record OfferListLinks(Link Self, Link Driver);
