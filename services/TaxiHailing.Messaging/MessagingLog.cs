using Microsoft.Extensions.Logging;

namespace TaxiHailing.Messaging;

internal static partial class MessagingLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Kafka client {Level} {Facility}: {Message}")]
    public static partial void KafkaClientLog(this ILogger logger, string level, string facility, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka client error {Code}: {Reason}")]
    public static partial void KafkaClientError(this ILogger logger, string code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox relay published {Count} message(s)")]
    public static partial void RelayPublished(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox relay removed {Count} message(s) published over {Retention} ago")]
    public static partial void RelayPruned(this ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not publish {Count} message(s); retrying in {Delay}")]
    public static partial void RelayFailed(this ILogger logger, int count, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer group {ConsumerGroup} subscribed to {Topic}")]
    public static partial void Subscribed(this ILogger logger, string consumerGroup, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer group {ConsumerGroup} was assigned partition(s) [{Partitions}]")]
    public static partial void PartitionsAssigned(this ILogger logger, string consumerGroup, string partitions);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {MessageType} {MessageId} from {Topic}[{Partition}]@{Offset}")]
    public static partial void Handled(this ILogger logger, string messageType, Guid messageId, string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {MessageType} {MessageId}: already processed by {Service}")]
    public static partial void Duplicate(this ILogger logger, string messageType, Guid messageId, string service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt {Attempt} to handle {MessageType} {MessageId} failed; retrying in {Delay}")]
    public static partial void HandlerFailed(this ILogger logger, int attempt, string messageType, Guid messageId, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettered the message at {Topic}[{Partition}]@{Offset} to {DeadLetterTopic}: {Reason}: {Error}")]
    public static partial void DeadLettered(this ILogger logger, string topic, int partition, long offset, string deadLetterTopic, string reason, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer group {ConsumerGroup} cannot go on ({Problem}); retrying in {Delay}")]
    public static partial void ConsumerStalled(this ILogger logger, string consumerGroup, string problem, TimeSpan delay, Exception exception);
}
