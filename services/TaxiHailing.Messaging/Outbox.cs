using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging;

/// <summary>
/// The transactional outbox: a message is written in the same transaction as the state change it announces, and
/// the relay publishes it once that transaction commits. Nothing is published for a change that rolled back, and
/// nothing committed is lost when the broker is away.
/// </summary>
public sealed class Outbox(MessageCatalog catalog, PublishedChannels published)
{
    /// <summary>Writes a message that starts a conversation (its correlation id is its own id).</summary>
    public Task AddAsync<T>(NpgsqlTransaction transaction, Channel channel, string key, T message, CancellationToken cancellationToken)
        where T : class, IMessage =>
        AddAsync(transaction, channel, key, message, correlationId: null, causationId: null, replyTo: null, cancellationToken);

    internal async Task AddAsync<T>(
        NpgsqlTransaction transaction, Channel channel, string key, T message,
        string? correlationId, string? causationId, string? replyTo, CancellationToken cancellationToken)
        where T : class, IMessage
    {
        if (!published.Contains(channel))
        {
            throw new InvalidOperationException($"This service does not publish to {channel.Topic}: declare it with Publishes() in AddKafkaMessaging.");
        }

        if (!channel.MessageTypes.Contains(T.MessageType))
        {
            throw new InvalidOperationException($"{T.MessageType} is not a message of channel {channel.Topic}.");
        }

        var messageId = Guid.CreateVersion7();
        var (traceParent, traceState) = MessagingTelemetry.CurrentContext();
        var headers = new Dictionary<string, string>
        {
            [MessageHeaders.MessageId] = messageId.ToString(),
            [MessageHeaders.MessageType] = T.MessageType,
            [MessageHeaders.ContentType] = MessageHeaders.Json,
            [MessageHeaders.CorrelationId] = correlationId ?? messageId.ToString(),
        };
        if (causationId is not null) headers[MessageHeaders.CausationId] = causationId;
        if (replyTo is not null) headers[MessageHeaders.ReplyTo] = replyTo;
        // The writer's trace context, so that the relay's send span continues the trace that wrote the message.
        if (traceParent is not null) headers[MessageHeaders.TraceParent] = traceParent;
        if (traceState is not null) headers[MessageHeaders.TraceState] = traceState;

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO outbox_messages (message_id, topic, message_key, message_type, headers, body)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, transaction.Connection, transaction)
        {
            Parameters =
            {
                new() { Value = messageId },
                new() { Value = channel.Topic },
                new() { Value = key },
                new() { Value = T.MessageType },
                new() { Value = JsonSerializer.Serialize(headers, MessagingJsonContext.Default.DictionaryStringString), NpgsqlDbType = NpgsqlDbType.Jsonb },
                new() { Value = catalog.Serialize(message) },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
