using Microsoft.Extensions.Options;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// A cancelled trip stops being dispatched (its offer is withdrawn) and frees its driver, whether assigned or only
/// held for confirmation; a trip without a driver needs nothing more.
/// </summary>
public sealed class TripCancelledHandler(Outbox outbox, IOptions<DispatchOptions> options, TimeProvider clock, ILogger<TripCancelledHandler> logger)
    : IMessageHandler<TripCancelled>
{
    public async Task HandleAsync(TripCancelled cancellation, MessageContext context, CancellationToken cancellationToken)
    {
        var rounds = new DispatchRounds(context.Transaction, outbox, options.Value, clock.StoredNow(), context.Envelope.MessageId.ToString(), logger);
        await rounds.CancelAsync(cancellation.TripId, cancellationToken);
        if (await rounds.Fleet.ReleaseDriverAsync(cancellation.TripId, cancellationToken) is { } driverId)
        {
            logger.DriverReleased(driverId, cancellation.TripId);
        }
        else
        {
            logger.NoDriverToRelease(cancellation.TripId);
        }
    }
}
