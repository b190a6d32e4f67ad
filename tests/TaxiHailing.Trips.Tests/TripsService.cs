using TaxiHailing.Testing;

namespace TaxiHailing.Trips.Tests;

/// <summary>
/// Trip Management on its own database and the test broker, with every recorded message on its channels replayed to
/// it. The Passengers service is not there: nothing here requests a trip.
/// </summary>
public sealed class TripsService() : ServiceOnBroker<TripStore>("tripsdb");

[CollectionDefinition(Name)]
public sealed class TripsServiceCollection : ICollectionFixture<TripsService>
{
    public const string Name = "Trips service";
}
