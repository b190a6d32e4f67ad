using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaxiHailing.Hosting;

internal static class LocalPostgresExtensions
{
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var binaries = PostgresBinaries.Find();
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var (command, prefix) = PostgresBinaries.AsServiceUser(Path.Combine(binaries, "postgres"));
        var server = new LocalPostgresServerResource(name, command, Path.GetTempPath(), password, new PostgresDataDirectory());
        var port = FreePort.Next();
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, cancellationToken => PostgresProbe.CheckAsync(server, cancellationToken));
        builder.Services.AddHostedService(_ => new LocalPostgresCleanup(server.Data));

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
            .OnBeforeResourceStarted(async (resource, started, cancellationToken) =>
            {
                if (resource.Data.IsInitialized) return;
                var console = started.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                await PostgresInitDb.RunAsync(resource, binaries, console, cancellationToken);
            });
    }

    /// <summary>Removes the data directory when the AppHost is disposed, however far its start got.</summary>
    private sealed class LocalPostgresCleanup(PostgresDataDirectory data) : IHostedService, IDisposable
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() => data.Remove();
    }
}
