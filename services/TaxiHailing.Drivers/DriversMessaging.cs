using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers;

/// <summary>
/// What the Drivers service publishes and handles, read by AddKafkaMessaging and, without starting the service, by
/// the AsyncAPI documents (tools/TaxiHailing.AsyncApi).
/// </summary>
public static class DriversMessaging
{
    /// <summary>The service's name in the contracts, and its consumer group.</summary>
    public const string Service = "drivers";

    public static void Declare(MessagingBuilder messaging) => messaging
        .Publishes(DriversChannels.Events)
        .Publishes(DriversChannels.Locations)
        .Publishes(DispatchChannels.Replies)
        .Publishes(DriversChannels.Trips)
        .Subscribe<DriverAssigned, DriverAssignedHandler>(DispatchChannels.Events)
        .Subscribe<TripCancelled, TripCancelledHandler>(TripsChannels.Events)
        .Subscribe<TripOffered, TripOfferedHandler>(DispatchChannels.Offers)
        .Subscribe<OfferWithdrawn, OfferWithdrawnHandler>(DispatchChannels.Offers)
        .Subscribe<ConfirmAssignment, ConfirmAssignmentHandler>(DriversChannels.Requests);
}
