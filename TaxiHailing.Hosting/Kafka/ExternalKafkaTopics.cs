using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace TaxiHailing.Hosting;

/// <summary>Creates the declared topics an external cluster lacks, as the embedded broker has them from its start.</summary>
internal static class ExternalKafkaTopics
{
    public static async Task CreateMissingAsync(IResourceWithConnectionString kafka, CancellationToken cancellationToken)
    {
        var bootstrapServers = await kafka.GetConnectionStringAsync(cancellationToken);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).SetLogHandler((_, _) => { }).Build();
        var existing = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.Select(topic => topic.Topic).ToHashSet();
        var missing = kafka.DeclaredTopics()
            .Where(topic => !existing.Contains(topic.Topic))
            .Select(topic => new TopicSpecification { Name = topic.Topic, NumPartitions = topic.Partitions, ReplicationFactor = -1 })
            .ToList();
        if (missing.Count == 0) return;
        try
        {
            await admin.CreateTopicsAsync(missing);
        }
        catch (CreateTopicsException exception) when (exception.Results.All(result => result.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Another client created them meanwhile.
        }
    }
}
