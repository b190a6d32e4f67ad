using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Messaging;

namespace TaxiHailing.Trips;

/// <summary>Trips learns what the Dispatcher decided: a driver is on the way.</summary>
public sealed class DriverAssignedHandler(ILogger<DriverAssignedHandler> logger) : IMessageHandler<DriverAssigned>
{
    public async Task HandleAsync(DriverAssigned message, MessageContext context, CancellationToken cancellationToken)
    {
        if (await TripStore.AssignDriverAsync(context, message, cancellationToken)) logger.DriverAssigned(message.TripId, message.DriverId, message.EtaSeconds);
        else logger.OutcomeIgnored(message.TripId, DriverAssigned.MessageType);
    }
}

/// <summary>Trips learns what the Dispatcher decided: nobody can take the trip.</summary>
public sealed class TripUnservedHandler(ILogger<TripUnservedHandler> logger) : IMessageHandler<TripUnserved>
{
    public async Task HandleAsync(TripUnserved message, MessageContext context, CancellationToken cancellationToken)
    {
        if (await TripStore.MarkUnservedAsync(context, message, cancellationToken)) logger.TripUnserved(message.TripId, message.Reason);
        else logger.OutcomeIgnored(message.TripId, TripUnserved.MessageType);
    }
}
