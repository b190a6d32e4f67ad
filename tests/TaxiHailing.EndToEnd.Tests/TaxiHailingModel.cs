using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>The AppHost's model, as Aspire's testing builder starts it: random ports, empty databases and broker.</summary>
internal static class TaxiHailingModel
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <param name="withDashboard">
    /// Runs the Aspire dashboard too (the testing builder leaves it out): on free ports, its browser frontend behind a
    /// fresh browser token and its telemetry API behind a fresh API key (see <see cref="DashboardTelemetry"/>).
    /// </param>
    /// <param name="simulatedDriversDriveTrips">
    /// Whether the simulated drivers drive the trips they are given. By default they do not (a trip speed of 0): they
    /// stay where they are, so that a trip stays driver-assigned for as long as a test looks at it.
    /// </param>
    public static async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(bool withDashboard = false, bool simulatedDriversDriveTrips = false)
    {
        // The control API on a free port; and plain HttpClients: the testing builder would otherwise give every
        // client the standard resilience handler, which retries what the tests mean to see fail.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TaxiHailing_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = withDashboard },
            ["AppHost:ControlPort=0", "ASPIRE_TESTING_DISABLE_HTTP_CLIENT=true"]);
        builder.Services.AddHttpClient();
        if (!withDashboard) ExportNoTelemetry(builder);
        if (!simulatedDriversDriveTrips) builder.CreateResourceBuilder<ProjectResource>("drivers").WithEnvironment("Simulation__TripSpeedKmh", "0");
        return builder;
    }

    // Without the dashboard nothing listens at the OTLP endpoint Aspire still gives the services, and each service's
    // exporter retries into it until its timeout on every stop: that made stopping a service take 7-9 s, not 1.
    private static void ExportNoTelemetry(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var service in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(service).WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
    }

    public static async Task<DistributedApplication> StartAsync(this IDistributedApplicationTestingBuilder builder)
    {
        var app = await builder.BuildAsync();
        await app.StartAsync().WaitAsync(StartTimeout);
        await app.WaitForAllHealthyAsync(StartTimeout);
        return app;
    }

    // The simulated fleet registers itself at start; trips requested before the Dispatcher has heard of it would
    // find no driver.
    public static async Task WaitForTheDispatcherToKnowTheFleetAsync(this DistributedApplication app)
    {
        using var drivers = await app.CreateOperatorClientAsync("drivers");
        using var dispatcher = await app.CreateOperatorClientAsync("dispatcher");
        await TaxiApi.EventuallyAsync(async () =>
        {
            var online = (await (await drivers.GetAsync("/v1/drivers")).ReadJsonAsync())["online"]!.GetValue<int>();
            var available = (await (await dispatcher.GetAsync("/v1/drivers")).ReadJsonAsync())["available"]!.GetValue<int>();
            return online > 0 && available >= online;
        }, StartTimeout, "the Dispatcher knows every online driver of the simulated fleet");
        await app.DispatchAWarmUpTripAsync();
    }

    // Knowing the fleet is not yet answering offers: the services' consumers join their groups one channel at a time
    // after start, and until the last rebalance the drivers' answers may miss their windows. One trip that a driver
    // takes shows it settled; it is cancelled, or left to run, so that no driver stays held.
    private static async Task DispatchAWarmUpTripAsync(this DistributedApplication app)
    {
        await TaxiApi.EventuallyAsync(async () =>
        {
            var (trip, passenger) = await app.RequestTripWithPassengerAsync();
            var tripId = trip["id"]!.GetValue<string>();
            JsonObject decided = [];
            await TaxiApi.EventuallyAsync(async () => (decided = await app.GetTripAsync(tripId))["state"]!.GetValue<string>() != "requested",
                StartTimeout, $"the warm-up trip {tripId} is decided");
            if (decided["state"]!.GetValue<string>() == "unserved") return false;
            using var trips = app.CreateHttpClient("trips", passenger);
            using var _ = await trips.PostAsync($"/v1/trips/{tripId}/cancellation", null);
            return true;
        }, StartTimeout, "a warm-up trip is taken by a driver");
    }
}
