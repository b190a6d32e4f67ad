using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Notifications;

/// <summary>
/// Turns every trip, dispatch and driver's trip step into notifications for the passenger and the driver. A dispatch event of a
/// trip whose TripCreated has not arrived yet is held, addressed by trip, and notified when it does: no retry
/// budget can run out on it, so no notification is lost to the race between the two topics.
/// </summary>
public sealed class TripProgressHandler(MessageCatalog catalog, ILogger<TripProgressHandler> logger) :
    IMessageHandler<TripCreated>, IMessageHandler<TripCancelled>, IMessageHandler<DriverAssigned>, IMessageHandler<TripUnserved>,
    IMessageHandler<DriverArriving>, IMessageHandler<DriverArrived>, IMessageHandler<PassengerPickedUp>, IMessageHandler<TripCompleted>,
    IMessageHandler<TripAbandoned>
{
    public Task HandleAsync(TripCreated message, MessageContext context, CancellationToken cancellationToken) =>
        HandleAsync(message, message.TripId, context, cancellationToken);

    public Task HandleAsync(TripCancelled message, MessageContext context, CancellationToken cancellationToken) =>
        HandleAsync(message, message.TripId, context, cancellationToken);

    public Task HandleAsync(DriverAssigned message, MessageContext context, CancellationToken cancellationToken) =>
        HandleAsync(message, message.TripId, context, cancellationToken);

    public Task HandleAsync(TripUnserved message, MessageContext context, CancellationToken cancellationToken) =>
        HandleAsync(message, message.TripId, context, cancellationToken);

    public Task HandleAsync(DriverArriving message, MessageContext context, CancellationToken cancellationToken) =>
        HandleAsync(message, message.TripId, context, cancellationToken);

    public Task HandleAsync(DriverArrived message, MessageContext context, CancellationToken cancellationToken) =>
        HandleAsync(message, message.TripId, context, cancellationToken);

    public Task HandleAsync(PassengerPickedUp message, MessageContext context, CancellationToken cancellationToken) =>
        HandleAsync(message, message.TripId, context, cancellationToken);

    public Task HandleAsync(TripCompleted message, MessageContext context, CancellationToken cancellationToken) =>
        HandleAsync(message, message.TripId, context, cancellationToken);

    public Task HandleAsync(TripAbandoned message, MessageContext context, CancellationToken cancellationToken) =>
        HandleAsync(message, message.TripId, context, cancellationToken);

    private async Task HandleAsync<T>(T message, Guid tripId, MessageContext context, CancellationToken cancellationToken)
        where T : class, IMessage
    {
        var ledger = new NotificationLedger(context.Transaction);
        await ledger.LockTripAsync(tripId, cancellationToken);
        var trip = await ledger.FindTripAsync(tripId, cancellationToken);
        switch (TripProgress.Apply(trip, message))
        {
            case TripStep.Held:
                await ledger.HoldAsync(tripId, T.MessageType, catalog.Serialize(message), cancellationToken);
                logger.MessageHeld(T.MessageType, tripId);
                return;

            case TripStep.Ignored ignored:
                logger.MessageIgnored(T.MessageType, tripId, ignored.Reason);
                return;

            case TripStep.Applied applied:
                if (message is TripCreated)
                {
                    applied = await ReleaseHeldAsync(ledger, applied, cancellationToken);
                }

                await ledger.SaveTripAsync(applied.Trip, cancellationToken);
                var ids = await ledger.DeliverAsync(applied.Notifications, cancellationToken);
                foreach (var (notification, id) in applied.Notifications.Zip(ids))
                {
                    LogNotified(notification, id);
                }

                return;
        }
    }

    private async Task<TripStep.Applied> ReleaseHeldAsync(NotificationLedger ledger, TripStep.Applied requested, CancellationToken cancellationToken)
    {
        var held = await ledger.TakeHeldAsync(requested.Trip.TripId, cancellationToken);
        if (held.Count == 0)
        {
            return requested;
        }

        logger.HeldMessagesReleased(held.Count, requested.Trip.TripId);
        return TripProgress.Release(requested, held.Select(message => catalog.Deserialize(message.MessageType, message.Body)));
    }

    private void LogNotified(Notification notification, long id)
    {
        if (notification.Recipient.Kind == RecipientKind.Passenger)
        {
            logger.NotifiedPassenger(notification.Recipient.Id, notification.Kind, notification.TripId, id);
        }
        else
        {
            logger.NotifiedDriver(notification.Recipient.Id, notification.Kind, notification.TripId, id);
        }
    }
}
