using Aspire.Hosting;
using Microsoft.Extensions.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TaxiHailing.Hosting;
using TaxiHailing.Messaging;

namespace TaxiHailing.Testing;

/// <summary>
/// A service in process behind Kestrel (real HTTP), on a private PostgreSQL server and the embedded Kafka broker with
/// every channel, both started as Aspire resources the way the AppHost starts them; every recorded message on the
/// channels it consumes is replayed to it once it has started (see <see cref="RecordedTraffic"/>).
/// </summary>
public abstract class ServiceOnBroker<TEntryPoint>(string database) : IAsyncLifetime where TEntryPoint : class
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);
    private DistributedApplication? _infrastructure;
    private Factory? _factory;

    public NpgsqlDataSource Database { get; private set; } = null!;
    public BrokerClient Kafka { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;
    public RecordedTraffic Traffic { get; private set; } = null!;

    /// <summary>Settings beyond the connection strings and the token-signing key.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddPostgresServer("postgres").AddDatabase(database);
        var kafka = builder.AddKafkaBroker("kafka");
        foreach (var channel in Contract.Channels) kafka.WithChannel(channel, partitions: 3);
        _infrastructure = await builder.BuildAsync();
        await _infrastructure.StartAsync().WaitAsync(StartTimeout);
        using (var started = new CancellationTokenSource(StartTimeout))
        {
            await _infrastructure.ResourceNotifications.WaitForResourceHealthyAsync(database, started.Token);
            await _infrastructure.ResourceNotifications.WaitForResourceHealthyAsync("kafka", started.Token);
        }

        var databaseConnection = (await _infrastructure.GetConnectionStringAsync(database))!;
        var bootstrapServers = (await _infrastructure.GetConnectionStringAsync("kafka"))!;
        Database = NpgsqlDataSource.Create(databaseConnection);
        Kafka = new BrokerClient(bootstrapServers);
        var settings = new Dictionary<string, string>(Settings)
        {
            [$"ConnectionStrings:{database}"] = databaseConnection,
            ["ConnectionStrings:kafka"] = bootstrapServers,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Tokens:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        _factory = new Factory(settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        Traffic = new RecordedTraffic(Services.GetRequiredService<MessageCatalog>(), Services.GetRequiredService<KafkaSettings>(), Kafka, Database);
        await Traffic.ReplayAsync();
    }

    /// <summary>A client signed in as <paramref name="subject"/> in <paramref name="role"/>.</summary>
    public HttpClient ClientAs(Guid subject, string role)
    {
        var client = _factory!.CreateClient();
        var token = Services.GetRequiredService<CallerTokens>().Issue(subject.ToString(), role);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        Kafka?.Dispose();
        if (Database is not null) await Database.DisposeAsync();
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
    }

    // Settings given as UseSetting reach Program before it reads its connection strings.
    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<TEntryPoint>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
