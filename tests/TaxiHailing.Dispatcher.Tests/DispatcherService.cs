using TaxiHailing.Testing;

namespace TaxiHailing.Dispatcher.Tests;

/// <summary>The Dispatcher on its own database and the test broker, with every recorded message on its channels replayed to it.</summary>
public sealed class DispatcherService() : ServiceOnBroker<DispatchStore>("dispatchdb");

[CollectionDefinition(Name)]
public sealed class DispatcherServiceCollection : ICollectionFixture<DispatcherService>
{
    public const string Name = "Dispatcher service";
}
