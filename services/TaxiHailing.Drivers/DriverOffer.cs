using TaxiHailing.Contracts;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers;

/// <summary>
/// A trip offered to one driver, as the Dispatcher offered it: open until the driver answers, the Dispatcher withdraws
/// it, or <see cref="AnswerBy"/> passes. The answer goes to <see cref="ReplyTo"/>; <see cref="TraceParent"/> and
/// <see cref="TraceState"/> are the trace of the handler that received the offer, which the answer continues.
/// </summary>
public sealed record DriverOffer(
    Guid OfferId,
    Guid DriverId,
    Guid TripId,
    int Round,
    GeoPoint Pickup,
    GeoPoint Dropoff,
    DateTimeOffset OfferedAt,
    DateTimeOffset AnswerBy,
    OfferState State,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason,
    ReplyAddress ReplyTo,
    string? TraceParent,
    string? TraceState)
{
    /// <summary>Whether the driver can still answer at <paramref name="now"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => State == OfferState.Open && now <= AnswerBy;
}

public enum OfferState
{
    Open,
    Accepted,
    Declined,
    Withdrawn,
}

/// <summary>How a driver's answer to an offer ended.</summary>
public abstract record OfferAnswerOutcome
{
    private OfferAnswerOutcome()
    {
    }

    /// <summary>Recorded, and the answer written to the outbox.</summary>
    public sealed record Answered(DriverOffer Offer) : OfferAnswerOutcome;

    /// <summary>The driver had given this very answer already: nothing changed, nothing sent again.</summary>
    public sealed record Repeated(DriverOffer Offer) : OfferAnswerOutcome;

    /// <summary>The driver had given the other answer already; an answer cannot be changed.</summary>
    public sealed record AlreadyAnswered(DriverOffer Offer) : OfferAnswerOutcome;

    public sealed record Withdrawn(DriverOffer Offer) : OfferAnswerOutcome;

    public sealed record Expired(DriverOffer Offer) : OfferAnswerOutcome;

    /// <summary>Only an online driver, whose position is known, can accept.</summary>
    public sealed record DriverOffline(DriverOffer Offer) : OfferAnswerOutcome;

    public sealed record UnknownOffer : OfferAnswerOutcome;

    public sealed record UnknownDriver : OfferAnswerOutcome;
}
