using TaxiHailing.Testing;

namespace TaxiHailing.Notifications.Tests;

/// <summary>Notifications on its own database and the test broker, with every recorded message on its channels replayed to it.</summary>
public sealed class NotificationsService() : ServiceOnBroker<NotificationStore>("notificationsdb");

[CollectionDefinition(Name)]
public sealed class NotificationsServiceCollection : ICollectionFixture<NotificationsService>
{
    public const string Name = "Notifications service";
}
