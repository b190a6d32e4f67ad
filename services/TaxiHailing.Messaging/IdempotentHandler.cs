using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TaxiHailing.Messaging;

/// <summary>
/// Runs a handler once per message id: the (consumer, message-id) row is inserted first, in the handler's
/// transaction, so a redelivered message finds it and changes nothing — and a handler that fails leaves no row.
/// </summary>
internal sealed class IdempotentHandler(
    IServiceProvider services, NpgsqlDataSource dataSource, Outbox outbox, KafkaSettings settings, ILogger<IdempotentHandler> logger)
{
    public async Task HandleAsync(Envelope envelope, Subscription subscription, object message, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var record = new NpgsqlCommand(
            "INSERT INTO processed_messages (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", connection, transaction)
        {
            Parameters = { new() { Value = settings.Service }, new() { Value = envelope.MessageId } },
        };
        if (await record.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            logger.Duplicate(envelope.MessageType, envelope.MessageId, settings.Service);
            return;
        }

        await subscription.Handle(scope.ServiceProvider, message, new MessageContext(envelope, transaction, outbox), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.Handled(envelope.MessageType, envelope.MessageId, envelope.Topic, envelope.Partition, envelope.Offset);
    }
}
