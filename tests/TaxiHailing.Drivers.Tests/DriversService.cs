using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Hosting;

namespace TaxiHailing.Drivers.Tests;

/// <summary>
/// The Drivers service, in process behind Kestrel (real HTTP), on a private PostgreSQL server and the embedded Kafka
/// broker, both started as Aspire resources the way the AppHost starts them: started once for the test collection, with a small simulated
/// fleet that answers offers quickly and always accepts.
/// </summary>
public sealed class DriversService : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);
    private static readonly Channel[] Channels =
    [
        TripsChannels.Events, DispatchChannels.Events, DispatchChannels.Offers, DispatchChannels.Replies,
        DriversChannels.Events, DriversChannels.Locations, DriversChannels.Requests, DriversChannels.Trips,
    ];

    private DistributedApplication? _infrastructure;
    private Factory? _factory;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, HttpClient> _drivers = new();

    public SimulationOptions Simulation { get; } = new()
    {
        Size = 3, Seed = 4242, AnswerDelayMinSeconds = 0.1, AnswerDelayMaxSeconds = 0.3, DeclineProbability = 0,
    };

    /// <summary>A client signed in as an operator.</summary>
    public HttpClient Http { get; private set; } = null!;
    public KafkaChannels Kafka { get; private set; } = null!;
    public NpgsqlDataSource Database { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddPostgresServer("postgres").AddDatabase("driversdb");
        var kafka = builder.AddKafkaBroker("kafka");
        foreach (var channel in Channels) kafka.WithChannel(channel, partitions: 3);
        _infrastructure = await builder.BuildAsync();
        await _infrastructure.StartAsync().WaitAsync(StartTimeout);
        using (var started = new CancellationTokenSource(StartTimeout))
        {
            await _infrastructure.ResourceNotifications.WaitForResourceHealthyAsync("driversdb", started.Token);
            await _infrastructure.ResourceNotifications.WaitForResourceHealthyAsync("kafka", started.Token);
        }

        var databaseConnection = (await _infrastructure.GetConnectionStringAsync("driversdb"))!;
        var bootstrapServers = (await _infrastructure.GetConnectionStringAsync("kafka"))!;
        Database = NpgsqlDataSource.Create(databaseConnection);
        Kafka = new KafkaChannels(bootstrapServers);
        _factory = new Factory(new Dictionary<string, string>
        {
            ["ConnectionStrings:driversdb"] = databaseConnection,
            ["ConnectionStrings:kafka"] = bootstrapServers,
            ["Simulation:Size"] = Invariant(Simulation.Size),
            ["Simulation:Seed"] = Invariant(Simulation.Seed),
            ["Simulation:AnswerDelayMinSeconds"] = Invariant(Simulation.AnswerDelayMinSeconds),
            ["Simulation:AnswerDelayMaxSeconds"] = Invariant(Simulation.AnswerDelayMaxSeconds),
            ["Simulation:DeclineProbability"] = Invariant(Simulation.DeclineProbability),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Tokens:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Http = ClientFor(Guid.NewGuid(), "operator");

        await Eventually.TrueAsync(async () =>
            (await (await Http.GetAsync("/v1/drivers?online=true")).ReadJsonAsync())["online"]!.GetValue<int>() >= Simulation.Size,
            StartTimeout, "the simulated fleet is online");
        await WaitForTheOfferConsumerAsync();
    }

    // The service's consumers join one group, channel by channel, and the group rebalances as each joins: on a busy
    // machine a first offer can wait for that longer than a test waits for its answer. One answer shows it settled.
    private async Task WaitForTheOfferConsumerAsync()
    {
        var warmUp = DispatcherSide.Offer(SimulatedFleet.Generate(Simulation).Select(driver => driver.Id));
        await this.SendOfferAsync(warmUp);
        await Kafka.WaitForAsync(DispatcherSide.Replies, message => message.Header("correlation-id") == warmUp.OfferId.ToString(),
            "an answer to the warm-up offer", StartTimeout);
    }

    /// <summary>A client that is not signed in.</summary>
    public HttpClient Anonymous() => _factory!.CreateClient();

    /// <summary>A client signed in as the driver <paramref name="driverId"/>, as their phone is.</summary>
    public HttpClient As(Guid driverId) => _drivers.GetOrAdd(driverId, id => ClientFor(id, "driver"));

    private HttpClient ClientFor(Guid subject, string role)
    {
        var client = _factory!.CreateClient();
        var token = _factory.Services.GetRequiredService<CallerTokens>().Issue(subject.ToString(), role);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>Signs in as a new driver, registers them through the API and takes them online at <paramref name="at"/>; returns their id.</summary>
    public async Task<Guid> RegisterOnlineDriverAsync(GeoPoint at)
    {
        var driverId = Guid.CreateVersion7();
        var http = As(driverId);
        var plate = $"TS{Random.Shared.Next(10, 99)} {string.Concat(Enumerable.Range(0, 3).Select(_ => (char)('A' + Random.Shared.Next(26))))}{Random.Shared.Next(100, 999)}";
        using var registered = await http.PostAsJsonAsync("/v1/drivers",
            new { name = "Test Driver", vehicle = new { make = "Toyota", model = "Prius", colour = "Silver", plate } });
        registered.EnsureSuccessStatusCode();
        Assert.Equal(driverId, Guid.Parse((await registered.ReadJsonAsync())["id"]!.GetValue<string>()));
        using var online = await http.PutAsJsonAsync($"/v1/drivers/{driverId}/availability", new { online = true, position = new { lat = at.Lat, lng = at.Lng } });
        online.EnsureSuccessStatusCode();
        return driverId;
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        foreach (var client in _drivers.Values) client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        Kafka?.Dispose();
        if (Database is not null) await Database.DisposeAsync();
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    // Settings given as UseSetting reach Program before it reads its connection strings.
    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<OfferStore>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DriversServiceCollection : ICollectionFixture<DriversService>
{
    public const string Name = "Drivers service";
}

internal static class Eventually
{
    /// <summary>Polls until the condition holds, failing with <paramref name="what"/> at the deadline.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested) Assert.Fail($"Not true within {timeout.TotalSeconds:0} s: {what}");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
