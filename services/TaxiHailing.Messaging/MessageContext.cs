using Npgsql;
using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging;

/// <summary>
/// The message being handled and the transaction it is handled in: the handler's own writes and the messages it
/// publishes commit together with the record that this message was processed, or not at all.
/// </summary>
public sealed class MessageContext(Envelope envelope, NpgsqlTransaction transaction, Outbox outbox)
{
    public Envelope Envelope { get; } = envelope;
    public NpgsqlTransaction Transaction { get; } = transaction;
    public NpgsqlConnection Connection => Transaction.Connection!;

    /// <summary>Where the answer to this message goes; null when it asks for none.</summary>
    public ReplyAddress? ReplyAddress => Envelope.ReplyTo is { } topic ? new ReplyAddress(topic, Envelope.CorrelationId) : null;

    /// <summary>Publishes a message caused by this one: same correlation id, this message as its cause.</summary>
    public Task PublishAsync<T>(Channel channel, string key, T message, CancellationToken cancellationToken) where T : class, IMessage =>
        outbox.AddAsync(Transaction, channel, key, message, new MessageLinks(Envelope.CorrelationId, Envelope.MessageId.ToString()), cancellationToken);

    /// <summary>
    /// Sends a request caused by this message, whose answers go to <paramref name="replyTo"/> under
    /// <paramref name="correlationId"/>: the id by which the requester will recognise them.
    /// </summary>
    public Task RequestAsync<T>(Channel channel, string key, T message, Channel replyTo, Guid correlationId, CancellationToken cancellationToken)
        where T : class, IMessage =>
        outbox.AddAsync(Transaction, channel, key, message, new MessageLinks(correlationId.ToString(), Envelope.MessageId.ToString(), replyTo), cancellationToken);

    /// <summary>Answers this message on its reply-to channel, echoing its correlation id.</summary>
    public Task ReplyAsync<T>(string key, T message, CancellationToken cancellationToken) where T : class, IMessage =>
        outbox.AddReplyAsync(Transaction, ReplyAddress ?? throw new InvalidMessageException(
            $"{Envelope.MessageType} {Envelope.MessageId} asks for an answer but has no {MessageHeaders.ReplyTo} header."),
            key, message, Envelope.MessageId.ToString(), cancellationToken);
}
