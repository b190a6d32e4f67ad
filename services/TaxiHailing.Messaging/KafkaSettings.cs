using Confluent.Kafka;

namespace TaxiHailing.Messaging;

/// <summary>How this service talks to the broker: bootstrap servers from ConnectionStrings:kafka, and our defaults.</summary>
public sealed class KafkaSettings(string bootstrapServers, string service)
{
    public const int ConsumerFetchWaitMs = 25;

    public string BootstrapServers { get; } = bootstrapServers;

    /// <summary>The service's name: its client id, its consumer groups' prefix, its name in the processed-messages table.</summary>
    public string Service { get; } = service;

    /// <summary>
    /// The consumer group a service reads <paramref name="topic"/> in: one per channel, so that a member joining or
    /// leaving (a restart, a new instance) rebalances only that channel, and the others read on meanwhile.
    /// </summary>
    public static string ConsumerGroupOf(string service, string topic) => $"{service}.{topic}";

    public string ConsumerGroup(string topic) => ConsumerGroupOf(Service, topic);

    public ProducerConfig Producer() => new()
    {
        BootstrapServers = BootstrapServers,
        ClientId = Service,
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 1,
        // Bounded, so that a broker outage surfaces as a failed delivery the relay retries, not an endless wait.
        MessageTimeoutMs = 10_000,
        SocketTimeoutMs = 10_000,
    };

    public ConsumerConfig Consumer(string topic) => new()
    {
        BootstrapServers = BootstrapServers,
        ClientId = Service,
        GroupId = ConsumerGroup(topic),
        // A new group starts at the beginning, so nothing published before it first joined is missed.
        AutoOffsetReset = AutoOffsetReset.Earliest,
        // Offsets are stored only after a message was handled; stored offsets are committed every second.
        EnableAutoOffsetStore = false,
        EnableAutoCommit = true,
        AutoCommitIntervalMs = 1000,
        AllowAutoCreateTopics = false,
        SessionTimeoutMs = 10_000,
        // A fetch in flight when the broker drops off is otherwise noticed only after a minute.
        SocketTimeoutMs = 10_000,
        // The embedded broker answers a fetch only when this wait is over, not when data arrives as Kafka does:
        // its default (500 ms) would add up to half a second to every hop. Against Kafka it only sets how often
        // an idle consumer asks.
        FetchWaitMaxMs = ConsumerFetchWaitMs,
    };
}
