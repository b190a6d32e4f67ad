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
        AddAsync(transaction, channel, key, message, new MessageLinks(), cancellationToken);

    /// <summary>Writes a message that belongs to an existing conversation, answers one, or asks for a reply.</summary>
    public async Task AddAsync<T>(NpgsqlTransaction transaction, Channel channel, string key, T message, MessageLinks links, CancellationToken cancellationToken)
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
            [MessageHeaders.CorrelationId] = links.CorrelationId ?? messageId.ToString(),
        };
        if (links.CausationId is not null) headers[MessageHeaders.CausationId] = links.CausationId;
        if (links.ReplyTo is not null) headers[MessageHeaders.ReplyTo] = links.ReplyTo.Topic;
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

    /// <summary>
    /// Writes the answer to a request: to the channel its reply-to names, echoing its correlation id. The channel must
    /// be one this service declared it publishes to, so a request cannot make it write anywhere else.
    /// </summary>
    public Task AddReplyAsync<T>(NpgsqlTransaction transaction, ReplyAddress to, string key, T message, string? causationId, CancellationToken cancellationToken)
        where T : class, IMessage =>
        AddAsync(transaction, ReplyChannel(to), key, message, new MessageLinks(to.CorrelationId, causationId), cancellationToken);

    /// <summary>The declared channel a reply address names; throws <see cref="InvalidMessageException"/> when there is none.</summary>
    public Channel ReplyChannel(ReplyAddress to) =>
        published.Find(to.Topic) ?? throw new InvalidMessageException(
            $"Replies to {to.Topic} are not allowed: it is not a channel this service publishes to.");
}

/// <summary>
/// How a message relates to others: the conversation it belongs to (null: it starts one, under its own id), the
/// message that caused it, and, for a request, the channel its answers go to.
/// </summary>
public sealed record MessageLinks(string? CorrelationId = null, string? CausationId = null, Channel? ReplyTo = null);

/// <summary>Where the answer to a request goes: its reply-to channel and its correlation id, which the answer echoes.</summary>
public sealed record ReplyAddress(string Topic, string CorrelationId);
