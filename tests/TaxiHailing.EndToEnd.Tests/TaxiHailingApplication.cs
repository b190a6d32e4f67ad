namespace TaxiHailing.EndToEnd.Tests;

/// <summary>The AppHost's model, started once per test collection with free ports and empty databases and broker.</summary>
public sealed class TaxiHailingApplication : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await (await TaxiHailingModel.CreateBuilderAsync()).StartAsync();
        await App.WaitForTheDispatcherToKnowTheFleetAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class TaxiHailingCollection : ICollectionFixture<TaxiHailingApplication>
{
    public const string Name = "TaxiHailing application";
}
