using System.Globalization;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>
/// An application of its own whose simulated drivers drive their trips, fast: 20 drivers within 3 km of central
/// London at 720 km/h, reporting every second and boarding in one, so that a trip runs to its end in well under a
/// minute; and a pickup timeout of <see cref="PickupTimeout"/>, which a simulated driver never comes near.
/// </summary>
public sealed class TripCompletionApplication : IAsyncLifetime
{
    public static readonly TimeSpan PickupTimeout = TimeSpan.FromSeconds(30);

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await TaxiHailingModel.CreateBuilderAsync(simulatedDriversDriveTrips: true);
        builder.CreateResourceBuilder<ProjectResource>("drivers")
            .WithEnvironment("Simulation__Size", "20")
            .WithEnvironment("Simulation__RadiusKm", "3")
            .WithEnvironment("Simulation__ReportIntervalSeconds", "1")
            .WithEnvironment("Simulation__TripSpeedKmh", "720")
            .WithEnvironment("Simulation__BoardingSeconds", "1")
            .WithEnvironment("Simulation__DeclineProbability", "0")
            .WithEnvironment("DriverTrips__PickupTimeout", PickupTimeout.ToString("c", CultureInfo.InvariantCulture));
        App = await builder.StartAsync();
        await App.WaitForTheDispatcherToKnowTheFleetAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class TripCompletionCollection : ICollectionFixture<TripCompletionApplication>
{
    public const string Name = "TaxiHailing application with trips that run to their end";
}
