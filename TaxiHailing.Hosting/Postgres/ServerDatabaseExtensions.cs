using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaxiHailing.Hosting;

internal static class ServerDatabaseExtensions
{
    public static IResourceBuilder<ServerDatabaseResource> AddServerDatabase(
        this IDistributedApplicationBuilder builder, IResourceBuilder<IResourceWithConnectionString> server, string name)
    {
        var database = new ServerDatabaseResource(name, server.Resource);
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, cancellationToken => PostgresProbe.CheckAsync(database, cancellationToken));

        server.OnResourceReady(async (_, ready, cancellationToken) =>
        {
            var notifications = ready.Services.GetRequiredService<ResourceNotificationService>();
            try
            {
                await PostgresProbe.CreateDatabaseAsync(server.Resource, name, cancellationToken);
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow, StopTimeStamp = null });
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                ready.Services.GetRequiredService<ResourceLoggerService>().GetLogger(database).LogError(exception, "Could not create database {Database}", name);
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with { State = KnownResourceStates.FailedToStart });
            }
        });
        server.OnResourceStopped((_, stopped, _) => stopped.Services.GetRequiredService<ResourceNotificationService>()
            .PublishUpdateAsync(database, snapshot => snapshot with { State = KnownResourceStates.Exited, StopTimeStamp = DateTime.UtcNow }));

        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithHealthCheck(healthCheck);
    }
}
