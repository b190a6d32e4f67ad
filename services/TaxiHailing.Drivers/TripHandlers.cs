using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers;

/// <summary>
/// The Dispatcher gave a trip to a driver: record it as the driver's current trip. A driver we do not know (the
/// Dispatcher still seeds a fleet of its own) or a trip already cancelled is ignored, never an error.
/// </summary>
public sealed class DriverAssignedHandler(Outbox outbox, TimeProvider clock, ILogger<DriverAssignedHandler> logger)
    : IMessageHandler<DriverAssigned>
{
    public async Task HandleAsync(DriverAssigned assigned, MessageContext context, CancellationToken cancellationToken)
    {
        var ledger = new DriverLedger(context.Transaction, outbox, clock);
        switch (await ledger.AssignTripAsync(assigned.DriverId, assigned.TripId, cancellationToken))
        {
            case TripAssignmentOutcome.Recorded:
                logger.TripRecorded(assigned.DriverId, assigned.TripId);
                break;
            case TripAssignmentOutcome.TripCancelled:
                logger.AssignedTripAlreadyCancelled(assigned.DriverId, assigned.TripId);
                break;
            default:
                logger.AssignedDriverUnknown(assigned.DriverId, assigned.TripId);
                break;
        }
    }
}

/// <summary>A trip was cancelled: whoever had it has no current trip any more.</summary>
public sealed class TripCancelledHandler(Outbox outbox, TimeProvider clock, ILogger<TripCancelledHandler> logger)
    : IMessageHandler<TripCancelled>
{
    public async Task HandleAsync(TripCancelled cancellation, MessageContext context, CancellationToken cancellationToken)
    {
        var ledger = new DriverLedger(context.Transaction, outbox, clock);
        var released = await ledger.ReleaseTripAsync(cancellation.TripId, cancellation.CancelledAt, cancellationToken);
        foreach (var driverId in released)
        {
            logger.DriverReleased(driverId, cancellation.TripId);
        }

        if (released.Count == 0)
        {
            logger.NoDriverToRelease(cancellation.TripId);
        }
    }
}
