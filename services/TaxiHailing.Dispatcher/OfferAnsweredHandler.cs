using Microsoft.Extensions.Options;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// A driver's answer to an offer, recognised by its correlation id (the offer id). An answer to the round in progress,
/// within its window, counts; the last one closes the round early. Any other (after the window, or to an earlier
/// round) is recorded as late and changes nothing.
/// </summary>
public sealed class OfferAnsweredHandler(Outbox outbox, IOptions<DispatchOptions> options, TimeProvider clock, ILogger<OfferAnsweredHandler> logger)
    : IMessageHandler<OfferAnswered>
{
    public async Task HandleAsync(OfferAnswered answer, MessageContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.Envelope.CorrelationId, out var offerId))
        {
            throw new InvalidMessageException($"The correlation id of an offer's answer must be the offer id (a UUID); it is '{context.Envelope.CorrelationId}'.");
        }

        if (answer.Position is { } reported && reported is not { Lat: >= -90 and <= 90, Lng: >= -180 and <= 180 })
        {
            throw new InvalidMessageException($"The answer's position ({reported.Lat}, {reported.Lng}) is not a place on the map.");
        }

        var rounds = new DispatchRounds(context.Transaction, outbox, options.Value, clock.StoredNow(), context.Envelope.MessageId.ToString(), logger);
        if (await rounds.Rounds.FindOfferAsync(offerId, cancellationToken) is not { } offer || offer.TripId != answer.TripId)
        {
            logger.AnswerIgnored(answer.DriverId, offerId, $"there is no such offer of trip {answer.TripId}");
            return;
        }

        if (!offer.DriverIds.Contains(answer.DriverId))
        {
            logger.AnswerIgnored(answer.DriverId, offerId, "the offer was not made to this driver");
            return;
        }

        // Every offer belongs to a dispatch, so the offer found above guarantees one.
        var dispatch = (await rounds.Rounds.LockAsync(offer.TripId, cancellationToken))!;
        var inTime = dispatch.Stage == DispatchStage.Offering && dispatch.OfferId == offerId && rounds.Now <= offer.AnswerBy;
        int? etaSeconds = answer.Accepted ? await EtaSecondsAsync(rounds, answer, dispatch.Pickup, cancellationToken) : null;
        if (!await rounds.Rounds.RecordAnswerAsync(offerId, answer.DriverId, answer.Accepted, etaSeconds, answer.AnsweredAt, rounds.Now, late: !inTime, cancellationToken))
        {
            logger.AnswerIgnored(answer.DriverId, offerId, "the driver had answered it already");
            return;
        }

        if (!inTime)
        {
            logger.LateAnswerIgnored(answer.DriverId, offerId, offer.TripId);
            return;
        }

        logger.OfferAnswered(answer.DriverId, answer.Accepted ? "accepted" : "declined", offer.TripId);
        if (await rounds.Rounds.CountAnswersAsync(offerId, cancellationToken) == offer.DriverIds.Count)
        {
            logger.OfferClosed(offerId, offer.TripId, "every driver answered");
            await rounds.CloseRoundAsync(dispatch, cancellationToken);
        }
    }

    // From where the driver says they are; failing that, from where they last reported being.
    private async Task<int> EtaSecondsAsync(DispatchRounds rounds, OfferAnswered answer, GeoPoint pickup, CancellationToken cancellationToken)
    {
        var position = answer.Position ?? (await rounds.Fleet.FindDriverAsync(answer.DriverId, cancellationToken))?.Position
            ?? throw new InvalidMessageException($"Driver {answer.DriverId} accepted trip {answer.TripId} without a position, and none is known.");
        return PickupEta.Seconds(GreatCircle.DistanceKm(position, pickup), options.Value.AverageSpeedKmh);
    }
}
