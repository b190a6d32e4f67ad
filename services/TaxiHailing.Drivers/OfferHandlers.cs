using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers;

/// <summary>
/// The Dispatcher offers a trip to some drivers: open the offer in the inbox of each one registered here (the others
/// are not ours). An offer that could never be answered (no reply-to, a reply channel we do not publish to, or
/// missing fields) is invalid: it is dead-lettered at once rather than left in an inbox.
/// </summary>
public sealed class TripOfferedHandler(Outbox outbox, TimeProvider clock, ILogger<TripOfferedHandler> logger) : IMessageHandler<TripOffered>
{
    public async Task HandleAsync(TripOffered offer, MessageContext context, CancellationToken cancellationToken)
    {
        var replyTo = context.ReplyAddress ?? throw new InvalidMessageException(
            $"Offer {offer.OfferId} has no {MessageHeaders.ReplyTo} header: its drivers could not answer it.");
        _ = outbox.ReplyChannel(replyTo); // throws InvalidMessageException for a channel we may not answer on
        if (offer.DriverIds is null || offer.Pickup is null || offer.Dropoff is null || offer.AnswerBy == default)
        {
            throw new InvalidMessageException($"Offer {offer.OfferId} lacks its drivers, pickup, dropoff or answer-by time.");
        }

        var opened = await new OfferLedger(context.Transaction, outbox, clock).ReceiveAsync(offer, replyTo, cancellationToken);
        foreach (var driverId in offer.DriverIds.Except(opened))
        {
            logger.OfferForUnknownDriver(offer.OfferId, driverId);
        }

        logger.OfferReceived(offer.OfferId, offer.TripId, offer.Round, opened.Count, offer.DriverIds.Count, offer.AnswerBy);
    }
}

/// <summary>The offer no longer stands for these drivers (the trip went to someone else, or was cancelled).</summary>
public sealed class OfferWithdrawnHandler(Outbox outbox, TimeProvider clock, ILogger<OfferWithdrawnHandler> logger) : IMessageHandler<OfferWithdrawn>
{
    public async Task HandleAsync(OfferWithdrawn withdrawal, MessageContext context, CancellationToken cancellationToken)
    {
        if (withdrawal.DriverIds is null)
        {
            throw new InvalidMessageException($"The withdrawal of offer {withdrawal.OfferId} does not say from which drivers.");
        }

        var withdrawn = await new OfferLedger(context.Transaction, outbox, clock).WithdrawAsync(withdrawal, cancellationToken);
        logger.OfferWithdrawn(withdrawal.OfferId, withdrawal.TripId, withdrawn.Count, withdrawal.Reason ?? "no reason given");
    }
}

/// <summary>
/// The Dispatcher asks whether the driver who accepted a trip can still take it; the answer goes to its reply-to
/// channel with its correlation id. Nothing changes here: the DriverAssigned that follows a confirmation records the trip.
/// </summary>
public sealed class ConfirmAssignmentHandler(Outbox outbox, TimeProvider clock, ILogger<ConfirmAssignmentHandler> logger)
    : IMessageHandler<ConfirmAssignment>
{
    public async Task HandleAsync(ConfirmAssignment request, MessageContext context, CancellationToken cancellationToken)
    {
        var refusal = await new OfferLedger(context.Transaction, outbox, clock).AssignmentRefusalAsync(request.TripId, request.DriverId, cancellationToken);
        var answer = new AssignmentAnswered(request.TripId, request.DriverId, Confirmed: refusal is null, refusal, clock.StoredNow());
        await context.ReplyAsync(request.TripId.ToString(), answer, cancellationToken);
        if (refusal is null)
        {
            logger.AssignmentConfirmed(request.DriverId, request.TripId);
        }
        else
        {
            logger.AssignmentRefused(request.DriverId, request.TripId, refusal);
        }
    }
}
