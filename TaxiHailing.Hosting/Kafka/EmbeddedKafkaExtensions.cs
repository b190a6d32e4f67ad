using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaxiHailing.Hosting;

internal static class EmbeddedKafkaExtensions
{
    public const string TakeDownCommand = "broker-down";
    public const string BringUpCommand = "broker-up";
    public const string DownState = "Down";

    public static IResourceBuilder<EmbeddedKafkaResource> AddEmbeddedKafka(this IDistributedApplicationBuilder builder, string name)
    {
        var kafka = new EmbeddedKafkaResource(name);
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, cancellationToken => CheckAsync(kafka, cancellationToken));
        builder.Services.AddHostedService(_ => new EmbeddedKafkaCleanup(kafka));

        return builder.AddResource(kafka)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "Kafka (embedded)", State = KnownResourceStates.NotStarted, Properties = [] })
            .WithHealthCheck(healthCheck)
            .OnInitializeResource(async (resource, initialize, cancellationToken) =>
            {
                await initialize.Eventing.PublishAsync(new BeforeResourceStartedEvent(resource, initialize.Services), cancellationToken);
                var bootstrapServers = resource.Start();
                foreach (var (topic, partitions) in resource.DeclaredTopics()) resource.Broker!.CreateTopic(topic, partitions);
                await initialize.Notifications.PublishUpdateAsync(resource, snapshot => snapshot with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                    Properties = snapshot.Properties.Add(new ResourcePropertySnapshot("kafka.bootstrapServers", bootstrapServers)),
                });
                await initialize.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, initialize.Services), cancellationToken);
            })
            .WithCommand(TakeDownCommand, "Take broker down", context => SwitchAsync(context, kafka, up: false), new CommandOptions
            {
                Description = "Disconnects every client and refuses new connections; the data stays.",
                IconName = "PlugDisconnected",
                UpdateState = state => state.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            })
            .WithCommand(BringUpCommand, "Bring broker up", context => SwitchAsync(context, kafka, up: true), new CommandOptions
            {
                Description = "Accepts connections again.",
                IconName = "PlugConnected",
                UpdateState = state => state.ResourceSnapshot.State?.Text == DownState ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            });
    }

    private static async Task<ExecuteCommandResult> SwitchAsync(ExecuteCommandContext context, EmbeddedKafkaResource kafka, bool up)
    {
        if (kafka.Broker is not { } broker) return CommandResults.Failure("The broker has not started.");
        if (up) broker.BringUp(); else broker.TakeDown();
        await context.Services.GetRequiredService<ResourceNotificationService>()
            .PublishUpdateAsync(kafka, snapshot => snapshot with { State = up ? KnownResourceStates.Running : new ResourceStateSnapshot(DownState, KnownResourceStateStyles.Warn) });
        return CommandResults.Success();
    }

    private static Task<HealthCheckResult> CheckAsync(EmbeddedKafkaResource kafka, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        if (kafka.Broker is null) return HealthCheckResult.Unhealthy("The broker has not started.");
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = await ((IResourceWithConnectionString)kafka).GetConnectionStringAsync(cancellationToken), SocketTimeoutMs = 2000 })
            .SetLogHandler((_, _) => { }).Build();
        try
        {
            return admin.GetMetadata(TimeSpan.FromSeconds(2)).Brokers.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No broker answered.");
        }
        catch (KafkaException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message, exception);
        }
    }, cancellationToken);

    /// <summary>The mock cluster lives in this process: destroy it when the AppHost (or a test's model) is disposed.</summary>
    private sealed class EmbeddedKafkaCleanup(EmbeddedKafkaResource kafka) : IHostedService, IDisposable
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() => kafka.Stop();
    }
}
