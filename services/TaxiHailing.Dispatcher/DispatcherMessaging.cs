using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// What the Dispatcher publishes and handles, read by AddKafkaMessaging and, without starting the service, by
/// the AsyncAPI documents (tools/TaxiHailing.AsyncApi).
/// </summary>
public static class DispatcherMessaging
{
    /// <summary>The service's name in the contracts, and its consumer group.</summary>
    public const string Service = "dispatcher";

    public static void Declare(MessagingBuilder messaging) => messaging
        .Publishes(DispatchChannels.Events)
        .Publishes(DispatchChannels.Offers)
        .Publishes(DriversChannels.Requests)
        .Subscribe<TripCreatedV2, TripCreatedHandler>(TripsChannels.Events)
        .Subscribe<TripCancelled, TripCancelledHandler>(TripsChannels.Events)
        .Subscribe<DriverRegistered, DriverRegisteredHandler>(DriversChannels.Events)
        .Subscribe<DriverAvailabilityChanged, DriverAvailabilityChangedHandler>(DriversChannels.Events)
        .Subscribe<DriverLocationReported, DriverLocationReportedHandler>(DriversChannels.Locations)
        .Subscribe<OfferAnswered, OfferAnsweredHandler>(DispatchChannels.Replies)
        .Subscribe<AssignmentAnswered, AssignmentAnsweredHandler>(DispatchChannels.Replies)
        .Subscribe<PassengerDroppedOff, PassengerDroppedOffHandler>(DriversChannels.Trips)
        .Subscribe<TripAbandoned, TripAbandonedHandler>(DriversChannels.Trips);
}
