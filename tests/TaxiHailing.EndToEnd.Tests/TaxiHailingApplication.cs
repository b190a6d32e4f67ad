namespace TaxiHailing.EndToEnd.Tests;

/// <summary>The AppHost's model, started once per test collection with free ports and empty databases and broker.</summary>
public sealed class TaxiHailingApplication : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await (await TaxiHailingModel.CreateBuilderAsync()).StartAsync();
        await WaitForTheDispatcherToKnowTheFleetAsync();
    }

    // The simulated fleet registers itself at start; trips requested before the Dispatcher has heard of it would
    // find no driver.
    private async Task WaitForTheDispatcherToKnowTheFleetAsync()
    {
        using var drivers = App.CreateHttpClient("drivers");
        using var dispatcher = App.CreateHttpClient("dispatcher");
        await TaxiApi.EventuallyAsync(async () =>
        {
            var online = (await (await drivers.GetAsync("/v1/drivers")).ReadJsonAsync())["online"]!.GetValue<int>();
            var available = (await (await dispatcher.GetAsync("/v1/drivers")).ReadJsonAsync())["available"]!.GetValue<int>();
            return online > 0 && available >= online;
        }, StartTimeout, "the Dispatcher knows every online driver of the simulated fleet");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class TaxiHailingCollection : ICollectionFixture<TaxiHailingApplication>
{
    public const string Name = "TaxiHailing application";
}
