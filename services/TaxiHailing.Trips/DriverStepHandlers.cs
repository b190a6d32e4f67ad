using Microsoft.Extensions.Options;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Messaging;

namespace TaxiHailing.Trips;

/// <summary>Trips follows what the driver does (taxi.drivers.trips): each step moves the trip on, if it still can.</summary>
public sealed class DriverStepHandlers(IOptionsMonitor<FareOptions> fares, ILogger<DriverStepHandlers> logger) :
    IMessageHandler<DriverArriving>, IMessageHandler<DriverArrived>, IMessageHandler<PassengerPickedUp>,
    IMessageHandler<PassengerDroppedOff>, IMessageHandler<TripAbandoned>
{
    public async Task HandleAsync(DriverArriving step, MessageContext context, CancellationToken cancellationToken) =>
        Log(await RideStore.DriverArrivingAsync(context, step, cancellationToken), step.TripId, DriverArriving.MessageType);

    public async Task HandleAsync(DriverArrived step, MessageContext context, CancellationToken cancellationToken) =>
        Log(await RideStore.DriverArrivedAsync(context, step, cancellationToken), step.TripId, DriverArrived.MessageType);

    public async Task HandleAsync(PassengerPickedUp step, MessageContext context, CancellationToken cancellationToken) =>
        Log(await RideStore.PassengerPickedUpAsync(context, step, cancellationToken), step.TripId, PassengerPickedUp.MessageType);

    public async Task HandleAsync(PassengerDroppedOff step, MessageContext context, CancellationToken cancellationToken)
    {
        if (await RideStore.CompleteAsync(context, step, fares.CurrentValue, cancellationToken) is { Ride.Completion: { } ride })
        {
            logger.TripCompleted(step.TripId, ride.DistanceKm, ride.DurationSeconds, ride.Fare.Amount, ride.Fare.Currency);
            return;
        }

        logger.DriverStepIgnored(step.TripId, PassengerDroppedOff.MessageType);
    }

    public async Task HandleAsync(TripAbandoned abandoned, MessageContext context, CancellationToken cancellationToken)
    {
        if (await RideStore.AbandonAsync(context, abandoned, cancellationToken) is not null) logger.TripUnserved(abandoned.TripId, abandoned.Reason);
        else logger.DriverStepIgnored(abandoned.TripId, TripAbandoned.MessageType);
    }

    private void Log(Trip? moved, Guid tripId, string messageType)
    {
        if (moved is not null) logger.TripMovedOn(tripId, moved.State.Name());
        else logger.DriverStepIgnored(tripId, messageType);
    }
}
