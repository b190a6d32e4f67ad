using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;
using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers.Tests;

/// <summary>
/// A plain Kafka client on the test broker, playing the Dispatcher: sends messages with the envelope headers it
/// chooses, and waits for the messages the Drivers service sends.
/// </summary>
public sealed class KafkaChannels(string bootstrapServers) : IDisposable
{
    private readonly IProducer<string, byte[]> _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers })
        .SetLogHandler((_, _) => { })
        .Build();

    /// <summary>Sends <paramref name="message"/> with a new message id (returned) and the given headers; a null value leaves a header out.</summary>
    public async Task<Guid> SendAsync<T>(Channel channel, string key, T message, params (string Name, string? Value)[] headers) where T : class, IMessage
    {
        var messageId = Guid.NewGuid();
        var kafkaHeaders = new Headers
        {
            { "message-id", Encoding.UTF8.GetBytes(messageId.ToString()) },
            { "message-type", Encoding.UTF8.GetBytes(T.MessageType) },
            { "content-type", "application/json"u8.ToArray() },
        };
        foreach (var (name, value) in headers)
        {
            if (value is not null) kafkaHeaders.Add(name, Encoding.UTF8.GetBytes(value));
        }

        await _producer.ProduceAsync(channel.Topic, new Message<string, byte[]> { Key = key, Value = Serialize(message), Headers = kafkaHeaders });
        return messageId;
    }

    /// <summary>Reads the topic from the start until a message matches, failing with <paramref name="what"/> at the deadline.</summary>
    public Task<ConsumeResult<string, byte[]>> WaitForAsync(string topic, Func<ConsumeResult<string, byte[]>, bool> match, string what, TimeSpan? timeout = null) =>
        Task.Run(() =>
        {
            var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
            using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = $"test-reader-{Guid.NewGuid()}",
                EnableAutoCommit = false,
                FetchWaitMaxMs = 25,
            }).SetLogHandler((_, _) => { }).Build();
            consumer.Assign(Partitions(topic).Select(partition => new TopicPartitionOffset(partition, Offset.Beginning)));
            while (DateTime.UtcNow < deadline)
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } result && match(result)) return result;
            }

            Assert.Fail($"No message on {topic} within {(timeout ?? TimeSpan.FromSeconds(20)).TotalSeconds:0} s: {what}");
            return null!;
        });

    public static T Body<T>(ConsumeResult<string, byte[]> result) where T : class, IMessage =>
        JsonSerializer.Deserialize(result.Message.Value, TypeInfo<T>()) ?? throw new InvalidOperationException("A null body.");

    public void Dispose() => _producer.Dispose();

    private IEnumerable<TopicPartition> Partitions(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).SetLogHandler((_, _) => { }).Build();
        return admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(partition => new TopicPartition(topic, partition.PartitionId))
            .ToList();
    }

    private static byte[] Serialize<T>(T message) where T : class, IMessage => JsonSerializer.SerializeToUtf8Bytes(message, TypeInfo<T>());

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)ContractsJsonContext.Default.GetTypeInfo(typeof(T))!;
}

public static class KafkaMessages
{
    public static string? Header(this ConsumeResult<string, byte[]> result, string name) =>
        result.Message.Headers is { } headers && headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : null;
}
