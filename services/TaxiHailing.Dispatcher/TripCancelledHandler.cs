using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>Frees the driver of a cancelled trip to take another; a trip without a driver needs nothing.</summary>
public sealed class TripCancelledHandler(ILogger<TripCancelledHandler> logger) : IMessageHandler<TripCancelled>
{
    public async Task HandleAsync(TripCancelled cancellation, MessageContext context, CancellationToken cancellationToken)
    {
        var ledger = new DispatchLedger(context.Transaction);
        if (await ledger.ReleaseDriverAsync(cancellation.TripId, cancellationToken) is { } driverId)
        {
            logger.DriverReleased(driverId, cancellation.TripId);
        }
        else
        {
            logger.NoDriverToRelease(cancellation.TripId);
        }
    }
}
