using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>The driver dropped the passenger off: they are free for the next trip (if still online).</summary>
public sealed class PassengerDroppedOffHandler(ILogger<PassengerDroppedOffHandler> logger) : IMessageHandler<PassengerDroppedOff>
{
    public async Task HandleAsync(PassengerDroppedOff dropped, MessageContext context, CancellationToken cancellationToken)
    {
        if (await new DispatchLedger(context.Transaction).ReleaseDriverAsync(dropped.TripId, cancellationToken) is { } driverId)
        {
            logger.DriverFreed(driverId, dropped.TripId, "completed");
        }
        else
        {
            logger.NoDriverToRelease(dropped.TripId);
        }
    }
}

/// <summary>The driver was let go of a trip they never started: they are free for the next trip (if still online).</summary>
public sealed class TripAbandonedHandler(ILogger<TripAbandonedHandler> logger) : IMessageHandler<TripAbandoned>
{
    public async Task HandleAsync(TripAbandoned abandoned, MessageContext context, CancellationToken cancellationToken)
    {
        if (await new DispatchLedger(context.Transaction).ReleaseDriverAsync(abandoned.TripId, cancellationToken) is { } driverId)
        {
            logger.DriverFreed(driverId, abandoned.TripId, "abandoned");
        }
        else
        {
            logger.NoDriverToRelease(abandoned.TripId);
        }
    }
}
