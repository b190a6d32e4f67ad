namespace TaxiHailing.EndToEnd.Tests;

/// <summary>
/// The AppHost's model with the Aspire dashboard running beside it, as `dotnet run` has it, for the tests that read
/// what the dashboard shows. An application of its own: the other collections run without a dashboard.
/// </summary>
public sealed class DashboardApplication : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    internal DashboardTelemetry Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await (await TaxiHailingModel.CreateBuilderAsync(withDashboard: true)).StartAsync();
        Dashboard = await DashboardTelemetry.ConnectAsync(App, TaxiHailingModel.StartTimeout);
        await App.WaitForTheDispatcherToKnowTheFleetAsync();
    }

    public async Task DisposeAsync()
    {
        Dashboard?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardApplication>
{
    public const string Name = "TaxiHailing application with its dashboard";
}
