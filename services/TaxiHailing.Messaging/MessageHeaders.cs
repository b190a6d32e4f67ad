using System.Text;
using Confluent.Kafka;

namespace TaxiHailing.Messaging;

/// <summary>The envelope: the headers every message carries (DESIGN.md section 7).</summary>
public static class MessageHeaders
{
    public const string MessageId = "message-id";
    public const string MessageType = "message-type";
    public const string ContentType = "content-type";
    public const string CorrelationId = "correlation-id";
    public const string CausationId = "causation-id";
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
    public const string ReplyTo = "reply-to";

    public const string DeadLetterReason = "dead-letter-reason";
    public const string DeadLetterError = "dead-letter-error";
    public const string DeadLetterConsumer = "dead-letter-consumer";
    public const string DeadLetterTopic = "dead-letter-original-topic";
    public const string DeadLetterPartition = "dead-letter-original-partition";
    public const string DeadLetterOffset = "dead-letter-original-offset";

    public const string Json = "application/json";

    public static string? Read(this Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : null;

    public static Headers ToKafkaHeaders(this IEnumerable<KeyValuePair<string, string>> headers)
    {
        var kafkaHeaders = new Headers();
        foreach (var (name, value) in headers) kafkaHeaders.Add(name, Encoding.UTF8.GetBytes(value));
        return kafkaHeaders;
    }
}

/// <summary>What a handler knows of the message it handles, read from the envelope and the broker.</summary>
public sealed record Envelope(
    Guid MessageId, string MessageType, string CorrelationId, string? CausationId, string? ReplyTo,
    string Topic, int Partition, long Offset, string? Key);
