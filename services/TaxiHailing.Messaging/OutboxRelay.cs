using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TaxiHailing.Messaging;

/// <summary>
/// Publishes committed outbox rows in order and marks them published. It sleeps on LISTEN outbox_messages, so a
/// commit wakes it at once; a slow poll covers a missed notification. While the broker is unreachable it keeps
/// the rows and retries with a growing delay. One relay per database holds an advisory lock, so order holds
/// even with several instances of a service.
/// </summary>
internal sealed class OutboxRelay(NpgsqlDataSource dataSource, KafkaProducer producer, ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    // Published rows are kept a while for inspection, then removed so the table does not grow without end.
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private DateTimeOffset _nextPrune = DateTimeOffset.UtcNow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
                await ExecuteAsync(listener, "LISTEN outbox_messages", stoppingToken);
                // A standby instance waits here for as long as the active one lives, so this one wait has no command timeout.
                await using (var takeOver = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('TaxiHailing.Messaging outbox relay'))", listener) { CommandTimeout = 0 })
                {
                    await takeOver.ExecuteNonQueryAsync(stoppingToken);
                }

                while (true)
                {
                    var (loaded, delivered) = await PublishBatchAsync(stoppingToken);
                    if (delivered < loaded)
                    {
                        await Task.Delay(backoff.Next(), stoppingToken);
                        continue;
                    }

                    backoff.Reset();
                    await PruneAsync(stoppingToken);
                    if (loaded < BatchSize) await listener.WaitAsync(IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                var delay = backoff.Next();
                logger.RelayFailed(0, delay, exception);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    private async Task<(int Loaded, int Delivered)> PublishBatchAsync(CancellationToken cancellationToken)
    {
        var rows = await LoadUnpublishedAsync(cancellationToken);
        if (rows.Count == 0) return (0, 0);

        // Produced in position order without waiting in between: the idempotent producer keeps that order per partition.
        var deliveries = rows.Select(row => PublishAsync(row, cancellationToken)).ToList();
        var delivered = new List<long>();
        Exception? failure = null;
        foreach (var (row, delivery) in rows.Zip(deliveries))
        {
            try
            {
                await delivery;
                delivered.Add(row.Position);
            }
            catch (ProduceException<string, byte[]> exception)
            {
                failure ??= exception;
            }
        }

        if (delivered.Count > 0)
        {
            await using var command = dataSource.CreateCommand("UPDATE outbox_messages SET published_at = now() WHERE position = ANY($1)");
            command.Parameters.Add(new NpgsqlParameter { Value = delivered.ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken);
            logger.RelayPublished(delivered.Count);
        }

        if (failure is not null) logger.RelayFailed(rows.Count - delivered.Count, TimeSpan.Zero, failure);
        return (rows.Count, delivered.Count);
    }

    // Its own async method, so the send span it makes current does not leak into the batch loop.
    // Stopping abandons a delivery still in flight (up to the message timeout while the broker is away); its row
    // stays unpublished and goes again at the next start.
    private async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        using var activity = MessagingTelemetry.StartSend(row.Topic, row.Headers.GetValueOrDefault(MessageHeaders.TraceParent),
            row.Headers.GetValueOrDefault(MessageHeaders.TraceState), row.MessageId, row.Key);
        var headers = new Dictionary<string, string>(row.Headers);
        if (activity is not null)
        {
            // The consumer's span becomes a child of this send span; without tracing, the writer's context passes on as it is.
            headers[MessageHeaders.TraceParent] = activity.Id!;
            headers.Remove(MessageHeaders.TraceState);
            if (activity.TraceStateString is { } traceState) headers[MessageHeaders.TraceState] = traceState;
        }

        try
        {
            var result = await producer.Producer.ProduceAsync(row.Topic, new Message<string, byte[]>
            {
                Key = row.Key,
                Value = row.Body,
                Headers = headers.ToKafkaHeaders(),
            }, cancellationToken);
            activity?.SetTag("messaging.destination.partition.id", result.Partition.Value.ToString())
                .SetTag("messaging.kafka.offset", result.Offset.Value);
        }
        catch (ProduceException<string, byte[]> exception)
        {
            activity.RecordError(exception);
            throw;
        }
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow < _nextPrune) return;
        _nextPrune = DateTimeOffset.UtcNow + PruneInterval;
        await using var command = dataSource.CreateCommand("DELETE FROM outbox_messages WHERE published_at < now() - $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Retention });
        var removed = await command.ExecuteNonQueryAsync(cancellationToken);
        if (removed > 0) logger.RelayPruned(removed, Retention);
    }

    private async Task<List<OutboxRow>> LoadUnpublishedAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT position, message_id, topic, message_key, headers, body FROM outbox_messages
            WHERE published_at IS NULL ORDER BY position LIMIT {BatchSize}
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize(reader.GetString(4), MessagingJsonContext.Default.DictionaryStringString)!,
                (byte[])reader[5]));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record OutboxRow(long Position, Guid MessageId, string Topic, string Key, Dictionary<string, string> Headers, byte[] Body);
}
