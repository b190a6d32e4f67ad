using System.Net;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>
/// An application of its own for the tests that stop, freeze or fault Passengers and open Trips' circuit to it,
/// so that the other collections never see that. Trips gets settings of its own, through the model, as an
/// operator would give them: room for 1.2 s of injected latency within an attempt, only four outstanding calls,
/// event streams (Trips' and Notifications') that end after 3 s without news, and a rate limit these tests never
/// reach (they ask again and again, as fast as they can, until a circuit lets a passenger through).
/// </summary>
public sealed class PartialFailureApplication : IAsyncLifetime
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(4.5);
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(6);
    public const int MaxConcurrentRequests = 4;
    public const int MaxRetries = 1;
    public static readonly TimeSpan TripEventsIdleTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan NotificationsIdleTimeout = TimeSpan.FromSeconds(3);

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await TaxiHailingModel.CreateBuilderAsync();
        builder.CreateResourceBuilder<ProjectResource>("trips")
            .WithEnvironment("Dependencies__passengers__AttemptTimeout", AttemptTimeout.ToString())
            .WithEnvironment("Dependencies__passengers__TotalTimeout", TotalTimeout.ToString())
            .WithEnvironment("Dependencies__passengers__BreakDuration", BreakDuration.ToString())
            .WithEnvironment("Dependencies__passengers__MaxRetries", MaxRetries.ToString())
            .WithEnvironment("Dependencies__passengers__MaxConcurrentRequests", MaxConcurrentRequests.ToString())
            .WithEnvironment("TripEvents__KeepAliveInterval", "00:00:01")
            .WithEnvironment("TripEvents__IdleTimeout", TripEventsIdleTimeout.ToString())
            .WithEnvironment("RateLimits__PermitLimit", "10000");
        builder.CreateResourceBuilder<ProjectResource>("notifications")
            .WithEnvironment("Notifications__KeepAliveInterval", "00:00:01")
            .WithEnvironment("Notifications__IdleTimeout", NotificationsIdleTimeout.ToString());
        App = await builder.StartAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PartialFailureCollection : ICollectionFixture<PartialFailureApplication>
{
    public const string Name = "Partial failure";
}

/// <summary>What the partial-failure tests do to Trips and Passengers, and how they check Trips' state.</summary>
internal static class PartialFailure
{
    public static async Task<HttpResponseMessage> RequestTripAsync(this DistributedApplication app, Account passenger, string? traceId = null)
    {
        using var trips = app.CreateHttpClient("trips", passenger);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/trips") { Content = TaxiApi.TripRequest(passenger.Id) };
        if (traceId is not null) request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8])}-01");
        return await trips.SendAsync(request);
    }

    /// <summary>Waits until Trips verifies passengers live again: Passengers answers and the circuit is closed.</summary>
    public static async Task WaitUntilTripsVerifiesLiveAsync(this DistributedApplication app)
    {
        await TaxiApi.EventuallyAsync(async () =>
        {
            // A new canary each time: a passenger holds one open trip at most.
            using var response = await app.RequestTripAsync(await app.RegisterPassengerAsync("Canary Rider"));
            return response.StatusCode == HttpStatusCode.Created && (await response.ReadJsonAsync())["passengerVerification"]!.GetValue<string>() == "live";
        }, TimeSpan.FromSeconds(30), "trips verifies passengers live again");
    }

    public static async Task InjectFaultsAsync(this DistributedApplication app, string faultsJson)
    {
        using var trips = await app.CreateOperatorClientAsync("trips");
        using var response = await trips.PutAsync("/admin/dependencies/passengers/faults", TaxiApi.Json(faultsJson));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task ResetFaultsAsync(this DistributedApplication app)
    {
        using var trips = await app.CreateOperatorClientAsync("trips");
        using var response = await trips.DeleteAsync("/admin/dependencies/passengers/faults");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<string> CircuitToPassengersAsync(this DistributedApplication app)
    {
        using var trips = await app.CreateOperatorClientAsync("trips");
        var dependencies = JsonNode.Parse(await trips.GetStringAsync("/admin/dependencies"))!.AsArray();
        return dependencies.Single(dependency => dependency!["name"]!.GetValue<string>() == "passengers")!["circuit"]!.GetValue<string>();
    }

    /// <summary>How many times Passengers was asked for this passenger (it logs every lookup).</summary>
    public static int LookupsOf(this DistributedApplication app, string passengerId) =>
        app.GetResourceLogs("passengers").Count(line => line.Contains($"Passenger {passengerId} looked up"));

    public static async Task<string> ReasonAsync(this HttpResponseMessage response) =>
        (await response.ReadJsonAsync())["reason"]!.GetValue<string>();
}
