namespace TaxiHailing.EndToEnd.Tests;

/// <summary>The AppHost's model, started once per test collection with free ports and empty databases and broker.</summary>
public sealed class TaxiHailingApplication : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
        App = builder.Build();
        await App.StartAsync().WaitAsync(StartTimeout);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class TaxiHailingCollection : ICollectionFixture<TaxiHailingApplication>
{
    public const string Name = "TaxiHailing application";
}
