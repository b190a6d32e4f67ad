using System.Text;
using Confluent.Kafka;
using TaxiHailing.Messaging;

namespace TaxiHailing.Testing;

/// <summary>A plain Kafka client on the test broker: sends recorded messages byte for byte, and reads what consumers did.</summary>
public sealed class BrokerClient(string bootstrapServers) : IDisposable
{
    private readonly IProducer<string, byte[]> _producer =
        new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers }).SetLogHandler((_, _) => { }).Build();

    /// <summary>Sends the recorded message as it was recorded, or with some headers replaced.</summary>
    public Task<DeliveryResult<string, byte[]>> ReplayAsync(RecordedMessage message, IReadOnlyDictionary<string, string>? replacedHeaders = null)
    {
        var headers = new Headers();
        foreach (var (name, value) in message.Headers) headers.Add(name, Encoding.UTF8.GetBytes(replacedHeaders?.GetValueOrDefault(name) ?? value));
        return _producer.ProduceAsync(message.Topic, new Message<string, byte[]> { Key = message.Key, Value = message.BodyBytes, Headers = headers });
    }

    /// <summary>
    /// Waits until <paramref name="service"/> has settled (handled, skipped or dead-lettered) every one of
    /// <paramref name="sent"/>: each channel's consumer group has committed past its last one.
    /// </summary>
    public async Task WaitUntilSettledAsync(string service, IEnumerable<DeliveryResult<string, byte[]>> sent, TimeSpan timeout)
    {
        var last = sent.GroupBy(result => result.TopicPartition).ToDictionary(group => group.Key, group => group.Max(result => result.Offset.Value));
        var deadline = DateTime.UtcNow + timeout;
        foreach (var channel in last.Keys.GroupBy(partition => partition.Topic))
        {
            var consumerGroup = KafkaSettings.ConsumerGroupOf(service, channel.Key);
            using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = consumerGroup })
                .SetLogHandler((_, _) => { }).Build();
            while (consumer.Committed(channel, TimeSpan.FromSeconds(10)).Where(committed => committed.Offset.Value <= last[committed.TopicPartition]).ToList() is { Count: > 0 } behind)
            {
                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"{consumerGroup} did not settle the recorded messages within {timeout.TotalSeconds:0} s: behind on {string.Join(", ", behind.Select(b => b.TopicPartition))}");
                }

                await Task.Delay(200);
            }
        }
    }

    /// <summary>Every message on <paramref name="topic"/> (a dead-letter topic, say), from its start to its end now.</summary>
    public IReadOnlyList<ConsumeResult<string, byte[]>> ReadAll(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).SetLogHandler((_, _) => { }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers, GroupId = $"test-reader-{Guid.NewGuid()}", EnableAutoCommit = false, EnablePartitionEof = true,
        }).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(partitions.Select(partition => new TopicPartitionOffset(partition, Offset.Beginning)));
        var messages = new List<ConsumeResult<string, byte[]>>();
        var open = partitions.ToHashSet();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (open.Count > 0 && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { } result) continue;
            if (result.IsPartitionEOF) open.Remove(result.TopicPartition);
            else messages.Add(result);
        }

        return messages;
    }

    public static string? Header(ConsumeResult<string, byte[]> result, string name) =>
        result.Message.Headers is { } headers && headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : null;

    public void Dispose() => _producer.Dispose();
}
