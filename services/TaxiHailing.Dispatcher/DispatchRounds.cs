using System.Globalization;
using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// The rounds of a trip's dispatch, in one transaction: offer the trip to the nearest free drivers (publish/async
/// responses); when the window closes, or everyone has answered, ask the Drivers service to confirm the acceptance
/// with the shortest ETA (request/async response); on confirmation assign that driver and withdraw the offer from
/// the others; when nobody accepts, offer again farther out, until the last round leaves the trip unserved.
/// Every message it sends belongs to the trip's conversation; <paramref name="causationId"/> is the message that
/// caused this step, if any.
/// </summary>
public sealed class DispatchRounds(
    NpgsqlTransaction transaction, Outbox outbox, DispatchOptions options, DateTimeOffset now, string? causationId, ILogger logger)
{
    private readonly DispatchLedger _fleet = new(transaction);
    private readonly RoundLedger _rounds = new(transaction);

    public DispatchLedger Fleet => _fleet;
    public RoundLedger Rounds => _rounds;
    public DateTimeOffset Now => now;

    /// <summary>Starts dispatching a trip with its first round; a trip already being dispatched is left alone.</summary>
    public async Task StartAsync(TripDispatch dispatch, RequestedRide ride, CancellationToken cancellationToken)
    {
        if (!await _rounds.StartAsync(dispatch, ride, now, cancellationToken))
        {
            logger.TripAlreadyDecided(dispatch.TripId);
            return;
        }

        if (dispatch.Pickup is not { Lat: >= -90 and <= 90, Lng: >= -180 and <= 180 })
        {
            await UnservedAsync(dispatch, "The trip has no valid pickup position", cancellationToken);
            return;
        }

        await OfferNextRoundAsync(dispatch, cancellationToken);
    }

    /// <summary>The offer's round is over: confirm the best acceptance, or go on to the next round.</summary>
    public async Task CloseRoundAsync(TripDispatch dispatch, CancellationToken cancellationToken)
    {
        if (!await ConfirmBestAcceptanceAsync(dispatch, cancellationToken))
        {
            await OfferNextRoundAsync(dispatch, cancellationToken);
        }
    }

    /// <summary>
    /// The Drivers service answered the confirmation request, or (<paramref name="answer"/> null) did not answer in
    /// time, which counts as a refusal: the driver is let go and the next acceptance, or the next round, is tried.
    /// </summary>
    public async Task SettleConfirmationAsync(TripDispatch dispatch, AssignmentAnswered? answer, CancellationToken cancellationToken)
    {
        var confirmationId = dispatch.ConfirmationId!.Value;
        var (outcome, reason) = answer switch
        {
            null => ("timed-out", $"No answer within {options.ConfirmationTimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s"),
            { Confirmed: true } => ("confirmed", null),
            _ => ("refused", answer.Reason),
        };
        var driverId = await _rounds.SettleConfirmationAsync(confirmationId, outcome, reason, now, cancellationToken);
        if (answer is { Confirmed: true })
        {
            await AssignAsync(dispatch, driverId, cancellationToken);
            return;
        }

        await _fleet.ReleaseDriverAsync(dispatch.TripId, cancellationToken);
        logger.ConfirmationFailed(driverId, dispatch.TripId, outcome, reason ?? "no reason given");
        await CloseRoundAsync(dispatch with { Stage = DispatchStage.Offering, ConfirmationId = null }, cancellationToken);
    }

    /// <summary>Stops a dispatch in progress because the trip was cancelled; false when there was none in progress.</summary>
    public async Task<bool> CancelAsync(Guid tripId, CancellationToken cancellationToken)
    {
        if (await _rounds.LockAsync(tripId, cancellationToken) is not { Stage: DispatchStage.Offering or DispatchStage.Confirming } dispatch)
        {
            return false;
        }

        await _rounds.SaveAsync(dispatch with { Stage = DispatchStage.Cancelled, DueAt = null }, cancellationToken);
        if (dispatch.OfferId is { } offerId && await _rounds.FindOfferAsync(offerId, cancellationToken) is { } offer)
        {
            await WithdrawAsync(dispatch, offer, offer.DriverIds, "The trip was cancelled", cancellationToken);
        }

        return true;
    }

    private async Task OfferNextRoundAsync(TripDispatch dispatch, CancellationToken cancellationToken)
    {
        var offeredBefore = dispatch.OfferId is not null;
        for (var round = dispatch.Round + 1; round <= options.OfferRounds; round++)
        {
            var radiusKm = options.RadiusKm(round);
            var drivers = await _fleet.FindDriversToOfferAsync(dispatch.TripId, dispatch.Pickup, radiusKm, options.DriversPerOffer, cancellationToken);
            if (drivers.Count == 0) continue;

            var offer = new Offer(Guid.CreateVersion7(), dispatch.TripId, round, radiusKm, [.. drivers.Select(d => d.Id)], now, now + options.OfferWindow);
            await _rounds.AddOfferAsync(offer, cancellationToken);
            await _rounds.SaveAsync(dispatch with
            {
                Stage = DispatchStage.Offering, Round = round, OfferId = offer.OfferId, ConfirmationId = null, DueAt = offer.AnswerBy,
            }, cancellationToken);
            var message = new TripOffered(offer.OfferId, offer.TripId, round, dispatch.Pickup, dispatch.Dropoff, offer.DriverIds, now, offer.AnswerBy);
            await RequestAsync(DispatchChannels.Offers, dispatch, message, offer.OfferId, cancellationToken);
            logger.TripOffered(dispatch.TripId, round, offer.DriverIds.Count, radiusKm, offer.OfferId);
            return;
        }

        var maxKm = options.MaxPickupKm.ToString("0.###", CultureInfo.InvariantCulture);
        await UnservedAsync(dispatch, offeredBefore
            ? $"No driver accepted the trip within {maxKm} km of the pickup in {options.OfferRounds} round(s) of offers"
            : $"No driver is available within {maxKm} km of the pickup", cancellationToken);
    }

    private async Task<bool> ConfirmBestAcceptanceAsync(TripDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.OfferId is not { } offerId) return false;
        foreach (var acceptance in await _rounds.AcceptancesAsync(offerId, dispatch.TripId, cancellationToken))
        {
            // Someone who accepted may have been given another trip since; the next best is asked instead.
            if (!await _fleet.HoldIfAvailableAsync(acceptance.DriverId, dispatch.TripId, cancellationToken)) continue;

            var confirmation = new Confirmation(Guid.CreateVersion7(), dispatch.TripId, acceptance.DriverId, now, now + options.ConfirmationTimeout);
            await _rounds.AddConfirmationAsync(confirmation, cancellationToken);
            await _rounds.SaveAsync(dispatch with
            {
                Stage = DispatchStage.Confirming, ConfirmationId = confirmation.ConfirmationId, DueAt = confirmation.AnswerBy,
            }, cancellationToken);
            await RequestAsync(DriversChannels.Requests, dispatch,
                new ConfirmAssignment(dispatch.TripId, acceptance.DriverId, confirmation.AnswerBy), confirmation.ConfirmationId, cancellationToken);
            logger.ConfirmationRequested(acceptance.DriverId, dispatch.TripId, acceptance.EtaSeconds, confirmation.ConfirmationId);
            return true;
        }

        return false;
    }

    private async Task AssignAsync(TripDispatch dispatch, Guid driverId, CancellationToken cancellationToken)
    {
        var driver = await _fleet.FindDriverAsync(driverId, cancellationToken)
            ?? throw new InvalidOperationException($"Driver {driverId}, held for trip {dispatch.TripId}, is not in the fleet.");
        var offer = await _rounds.FindOfferAsync(dispatch.OfferId!.Value, cancellationToken)
            ?? throw new InvalidOperationException($"Offer {dispatch.OfferId} of trip {dispatch.TripId} is missing.");
        var etaSeconds = (await _rounds.EtaOfAsync(offer.OfferId, driverId, cancellationToken))
            ?? PickupEta.Seconds(GreatCircle.DistanceKm(driver.Position ?? dispatch.Pickup, dispatch.Pickup), options.AverageSpeedKmh);

        await _fleet.RecordDecisionAsync(new DispatchDecision(dispatch.TripId, driverId, now), cancellationToken);
        await _rounds.SaveAsync(dispatch with { Stage = DispatchStage.Assigned, DueAt = null }, cancellationToken);
        await PublishAsync(DispatchChannels.Events, dispatch,
            new DriverAssigned(dispatch.TripId, driver.Id, driver.Name, driver.Vehicle, etaSeconds, now), cancellationToken);
        var others = offer.DriverIds.Where(id => id != driverId).ToList();
        if (others.Count > 0) await WithdrawAsync(dispatch, offer, others, "The trip went to another driver", cancellationToken);
        logger.DriverAssigned(driver.Id, driver.Name, dispatch.TripId, etaSeconds);
    }

    private async Task UnservedAsync(TripDispatch dispatch, string reason, CancellationToken cancellationToken)
    {
        await _fleet.RecordDecisionAsync(new DispatchDecision(dispatch.TripId, null, now), cancellationToken);
        await _rounds.SaveAsync(dispatch with { Stage = DispatchStage.Unserved, DueAt = null }, cancellationToken);
        await PublishAsync(DispatchChannels.Events, dispatch, new TripUnserved(dispatch.TripId, reason, now), cancellationToken);
        logger.TripUnserved(dispatch.TripId, reason);
    }

    private async Task WithdrawAsync(TripDispatch dispatch, Offer offer, IReadOnlyList<Guid> driverIds, string reason, CancellationToken cancellationToken)
    {
        await PublishAsync(DispatchChannels.Offers, dispatch, new OfferWithdrawn(offer.OfferId, offer.TripId, driverIds, reason, now), cancellationToken);
        logger.OfferWithdrawn(offer.OfferId, offer.TripId, driverIds.Count, reason);
    }

    private Task PublishAsync<T>(Channel channel, TripDispatch dispatch, T message, CancellationToken cancellationToken) where T : class, IMessage =>
        outbox.AddAsync(transaction, channel, dispatch.TripId.ToString(), message, new MessageLinks(dispatch.CorrelationId, causationId), cancellationToken);

    private Task RequestAsync<T>(Channel channel, TripDispatch dispatch, T message, Guid correlationId, CancellationToken cancellationToken)
        where T : class, IMessage =>
        outbox.AddAsync(transaction, channel, dispatch.TripId.ToString(), message,
            new MessageLinks(correlationId.ToString(), causationId, DispatchChannels.Replies), cancellationToken);
}
