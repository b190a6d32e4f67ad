using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Notifications;

/// <summary>
/// What the Notifications service publishes and handles, read by AddKafkaMessaging and, without starting the service, by
/// the AsyncAPI documents (tools/TaxiHailing.AsyncApi).
/// </summary>
public static class NotificationsMessaging
{
    /// <summary>The service's name in the contracts, and its consumer group.</summary>
    public const string Service = "notifications";

    // It stays on trips.trip-created.v1 on purpose, the consumer still on v1 of the migration to v2: it skips the
    // v2 published beside it, and moves to v2 on its own schedule (docs/api-evolution.md).
    public static void Declare(MessagingBuilder messaging) => messaging
        .Subscribe<TripCreated, TripProgressHandler>(TripsChannels.Events)
        .Subscribe<TripCancelled, TripProgressHandler>(TripsChannels.Events)
        .Subscribe<DriverAssigned, TripProgressHandler>(DispatchChannels.Events)
        .Subscribe<TripUnserved, TripProgressHandler>(DispatchChannels.Events)
        .Subscribe<TripCompleted, TripProgressHandler>(TripsChannels.Events)
        .Subscribe<DriverArriving, TripProgressHandler>(DriversChannels.Trips)
        .Subscribe<DriverArrived, TripProgressHandler>(DriversChannels.Trips)
        .Subscribe<PassengerPickedUp, TripProgressHandler>(DriversChannels.Trips)
        .Subscribe<TripAbandoned, TripProgressHandler>(DriversChannels.Trips);
}
