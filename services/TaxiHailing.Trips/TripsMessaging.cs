using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Trips;

/// <summary>
/// What Trip Management publishes and handles, read by AddKafkaMessaging and, without starting the service, by
/// the AsyncAPI documents (tools/TaxiHailing.AsyncApi).
/// </summary>
public static class TripsMessaging
{
    /// <summary>The service's name in the contracts, and its consumer group.</summary>
    public const string Service = "trips";

    public static void Declare(MessagingBuilder messaging) => messaging
        .Publishes(TripsChannels.Events)
        .Subscribe<DriverAssigned, DriverAssignedHandler>(DispatchChannels.Events)
        .Subscribe<TripUnserved, TripUnservedHandler>(DispatchChannels.Events)
        .Subscribe<DriverArriving, DriverStepHandlers>(DriversChannels.Trips)
        .Subscribe<DriverArrived, DriverStepHandlers>(DriversChannels.Trips)
        .Subscribe<PassengerPickedUp, DriverStepHandlers>(DriversChannels.Trips)
        .Subscribe<PassengerDroppedOff, DriverStepHandlers>(DriversChannels.Trips)
        .Subscribe<TripAbandoned, DriverStepHandlers>(DriversChannels.Trips);
}
