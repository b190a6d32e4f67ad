using TaxiHailing.Dispatcher;
using TaxiHailing.Drivers;
using TaxiHailing.Messaging.AsyncApi;
using TaxiHailing.Notifications;
using TaxiHailing.Trips;

namespace TaxiHailing.AsyncApi;

/// <summary>Every service that uses messaging, as it declares it (Passengers has none).</summary>
public static class SystemMessaging
{
    public static IReadOnlyList<MessagingDeclaration> Services { get; } =
    [
        MessagingDeclaration.Of(TripsMessaging.Service, TripsMessaging.Declare),
        MessagingDeclaration.Of(DispatcherMessaging.Service, DispatcherMessaging.Declare),
        MessagingDeclaration.Of(DriversMessaging.Service, DriversMessaging.Declare),
        MessagingDeclaration.Of(NotificationsMessaging.Service, NotificationsMessaging.Declare),
    ];

    /// <summary>The system's AsyncAPI document, as committed in contracts/asyncapi/taxihailing.json.</summary>
    public static string Document() => AsyncApiJson.Write(AsyncApiDocument.ForSystem(Services));
}
