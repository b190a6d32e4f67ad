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

    /// <summary>Publishes a message caused by this one: same correlation id, this message as its cause.</summary>
    public Task PublishAsync<T>(Channel channel, string key, T message, CancellationToken cancellationToken) where T : class, IMessage =>
        outbox.AddAsync(Transaction, channel, key, message, Envelope.CorrelationId, Envelope.MessageId.ToString(), replyTo: null, cancellationToken);
}
