using System.Text;
using Confluent.Kafka;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>A plain Kafka client on the application's broker: reads topics from the start, produces raw messages.</summary>
internal sealed class KafkaTestClient(string bootstrapServers)
{
    public static KafkaTestClient For(DistributedApplication app) => new(app.GetConnectionString("kafka"));

    /// <summary>Every message now on the topic, read from the beginning of each partition.</summary>
    public IReadOnlyList<ConsumeResult<string, byte[]>> ReadAll(string topic)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"test-reader-{Guid.NewGuid()}",
            EnableAutoCommit = false,
        }).SetLogHandler((_, _) => { }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).SetLogHandler((_, _) => { }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(partition => new TopicPartition(topic, partition.PartitionId)).ToList();
        var ends = partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(partitions.Where(p => ends[p] > 0).Select(p => new TopicPartitionOffset(p, Offset.Beginning)));

        var messages = new List<ConsumeResult<string, byte[]>>();
        var remaining = ends.Where(end => end.Value > 0).ToDictionary();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (remaining.Count > 0)
        {
            var result = consumer.Consume(deadline.Token);
            messages.Add(result);
            if (result.Offset.Value + 1 >= remaining.GetValueOrDefault(result.TopicPartition, long.MaxValue)) remaining.Remove(result.TopicPartition);
        }

        return messages;
    }

    public async Task<DeliveryResult<string, byte[]>> ProduceAsync(string topic, string key, byte[] body, IEnumerable<(string Name, string Value)> headers)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers })
            .SetLogHandler((_, _) => { }).Build();
        var kafkaHeaders = new Headers();
        foreach (var (name, value) in headers) kafkaHeaders.Add(name, Encoding.UTF8.GetBytes(value));
        return await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = key, Value = body, Headers = kafkaHeaders });
    }

    /// <summary>For each partition of the topic: where the next message will be written.</summary>
    public IReadOnlyDictionary<TopicPartition, long> EndOffsets(string topic)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = $"test-reader-{Guid.NewGuid()}" })
            .SetLogHandler((_, _) => { }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).SetLogHandler((_, _) => { }).Build();
        return admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(partition => new TopicPartition(topic, partition.PartitionId))
            .ToDictionary(partition => partition, partition => consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).High.Value);
    }

    /// <summary>The offset a service has committed for one partition (where it will resume): a group per channel.</summary>
    public long CommittedOffset(string service, TopicPartition partition)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = $"{service}.{partition.Topic}" })
            .SetLogHandler((_, _) => { }).Build();
        return consumer.Committed([partition], TimeSpan.FromSeconds(10)).Single().Offset.Value;
    }
}

internal static class KafkaMessageExtensions
{
    public static string? Header(this ConsumeResult<string, byte[]> result, string name) =>
        result.Message.Headers is { } headers && headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : null;
}
