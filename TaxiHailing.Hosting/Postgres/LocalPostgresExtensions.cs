using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaxiHailing.Hosting;

internal static class LocalPostgresExtensions
{
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var binaries = PostgresBinaries.Find();
        // Generated for each run, as its data directory is; hex, so that it needs no escaping in a connection string.
        var password = new ParameterResource($"{name}-password", _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), secret: true);
        var (command, prefix) = PostgresBinaries.AsServiceUser(Path.Combine(binaries, "postgres"));
        var server = new LocalPostgresServerResource(name, command, Path.GetTempPath(), password, new PostgresDataDirectory());
        var port = FreePort.Next();
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, cancellationToken => PostgresProbe.CheckAsync(server, cancellationToken));
        builder.Services.AddHostedService(_ => new LocalPostgresCleanup(server.Data));

        // initdb takes a second or two: run it while DCP starts, not after.
        Task? initialized = null;
        builder.Eventing.Subscribe<BeforeStartEvent>((started, _) =>
        {
            var console = started.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            initialized = Task.Run(() => PostgresInitDb.RunAsync(server, binaries, console, CancellationToken.None));
            return Task.CompletedTask;
        });

        return builder.AddResource(server)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalPostgresServerResource.EndpointName, isProxied: false)
            .WithArgs(
            [
                .. prefix, "-D", server.Data.Data, "-p", port.ToString(), "-k", server.Data.Root, "-c", "listen_addresses=127.0.0.1",
                // Throw-away data: durability buys nothing here and costs seconds on every start.
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                // Room for every service's connection pool on the one shared server.
                "-c", "max_connections=500",
            ])
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted((_, _, cancellationToken) => initialized!.WaitAsync(cancellationToken));
    }

    /// <summary>Removes the data directory when the AppHost is disposed, however far its start got.</summary>
    private sealed class LocalPostgresCleanup(PostgresDataDirectory data) : IHostedService, IDisposable
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() => data.Remove();
    }
}
