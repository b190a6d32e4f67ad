using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>The Dispatcher's view of the fleet follows the Drivers service's events.</summary>
public sealed class DriverRegisteredHandler(ILogger<DriverRegisteredHandler> logger) : IMessageHandler<DriverRegistered>
{
    public async Task HandleAsync(DriverRegistered message, MessageContext context, CancellationToken cancellationToken)
    {
        await new DispatchLedger(context.Transaction).RegisterDriverAsync(message.DriverId, message.Name, message.Vehicle, cancellationToken);
        logger.DriverJoined(message.DriverId, message.Name);
    }
}

public sealed class DriverAvailabilityChangedHandler(ILogger<DriverAvailabilityChangedHandler> logger) : IMessageHandler<DriverAvailabilityChanged>
{
    public async Task HandleAsync(DriverAvailabilityChanged message, MessageContext context, CancellationToken cancellationToken)
    {
        var ledger = new DispatchLedger(context.Transaction);
        if (await ledger.SetOnlineAsync(message.DriverId, message.Online, message.Position, message.ChangedAt, cancellationToken))
        {
            logger.DriverAvailability(message.DriverId, message.Online ? "online" : "offline");
        }
        else
        {
            logger.UnknownDriver(DriverAvailabilityChanged.MessageType, message.DriverId);
        }
    }
}

/// <summary>A one-way notification: the driver's phone expects nothing back; the Dispatcher keeps the latest position.</summary>
public sealed class DriverLocationReportedHandler(ILogger<DriverLocationReportedHandler> logger) : IMessageHandler<DriverLocationReported>
{
    public async Task HandleAsync(DriverLocationReported message, MessageContext context, CancellationToken cancellationToken)
    {
        if (await new DispatchLedger(context.Transaction).MoveDriverAsync(message.DriverId, message.Position, message.ReportedAt, cancellationToken))
        {
            logger.DriverMoved(message.DriverId, message.Position.Lat, message.Position.Lng);
        }
    }
}
