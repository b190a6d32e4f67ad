using Microsoft.Extensions.Configuration;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace TaxiHailing.Hosting;

/// <summary>
/// A Kafka broker: by default the embedded one (librdkafka's mock cluster in the AppHost process); when the AppHost
/// has ConnectionStrings:{name} (bootstrap servers), that external cluster instead. Either way the declared topics
/// exist with their partition counts before the resource is healthy.
/// </summary>
public sealed class KafkaResource(string name) : Resource(name)
{
    internal Dictionary<string, int> Topics { get; } = [];

    internal override ResourceRunner CreateRunner(RunContext context) => new KafkaRunner(this, context);
}

public static class KafkaBuilderExtensions
{
    public static ResourceBuilder<KafkaResource> AddKafka(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new KafkaResource(name));

    public static ResourceBuilder<KafkaResource> WithTopic(this ResourceBuilder<KafkaResource> kafka, string topic, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        kafka.Resource.Topics[topic] = partitions;
        return kafka;
    }

    /// <summary>A channel: its topic, and the &lt;topic&gt;.dlq topic (one partition) its consumers dead-letter to.</summary>
    public static ResourceBuilder<KafkaResource> WithChannel(this ResourceBuilder<KafkaResource> kafka, string topic, int partitions) =>
        kafka.WithTopic(topic, partitions).WithTopic($"{topic}.dlq", partitions: 1);
}

internal sealed class KafkaRunner(KafkaResource kafka, RunContext context) : ResourceRunner(kafka, context)
{
    private readonly string? _external = context.Options.Configuration.GetConnectionString(kafka.Name);
    private EmbeddedKafkaBroker? _embedded;
    private bool _topicsReady;

    public override string Kind => _external is null ? "Kafka (embedded)" : "Kafka (external)";
    public string? BootstrapServers => _external ?? _embedded?.BootstrapServers;
    public override string Address => BootstrapServers ?? "";

    public override IEnumerable<KeyValuePair<string, string>> ReferenceEnvironment() =>
        [new($"ConnectionStrings__{Name}", BootstrapServers!)];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_external is not null) return Task.CompletedTask;
        if (_embedded is null)
        {
            _embedded = EmbeddedKafkaBroker.Start(brokerCount: 1);
            foreach (var (topic, partitions) in kafka.Topics) _embedded.CreateTopic(topic, partitions);
            _topicsReady = true;
        }
        else
        {
            _embedded.BringUp();
        }

        return Task.CompletedTask;
    }

    public override async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers, SocketTimeoutMs = 2000 })
            .SetLogHandler((_, _) => { })
            .Build();
        try
        {
            var metadata = admin.GetMetadata(TimeSpan.FromSeconds(2));
            if (metadata.Brokers.Count == 0) return "no broker answered";
            if (!_topicsReady)
            {
                await CreateMissingTopicsAsync(admin, metadata);
                _topicsReady = true;
            }

            return null;
        }
        catch (KafkaException exception)
        {
            return exception.Message;
        }
    }

    private async Task CreateMissingTopicsAsync(IAdminClient admin, Metadata metadata)
    {
        var missing = kafka.Topics
            .Where(topic => metadata.Topics.All(existing => existing.Topic != topic.Key))
            .Select(topic => new TopicSpecification { Name = topic.Key, NumPartitions = topic.Value, ReplicationFactor = -1 })
            .ToList();
        if (missing.Count == 0) return;
        try
        {
            await admin.CreateTopicsAsync(missing);
        }
        catch (CreateTopicsException exception) when (exception.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Another client created them meanwhile.
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _embedded?.TakeDown();
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        _embedded?.Dispose();
        _embedded = null;
        return ValueTask.CompletedTask;
    }
}
