using System.Net.Sockets;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TaxiHailing.Messaging;

/// <summary>
/// The service's consumer groups, one per channel. Each message is settled before its offset is stored: handled
/// (once, whatever the redeliveries), skipped (a type of the channel this service does not handle), or dead-lettered (no valid
/// envelope, a type the channel does not carry, a version of a message it reads that it does not read, a body that
/// is not that type, a message its handler calls invalid, or a handler that keeps failing).
/// While the database is unreachable it waits and retries the same message rather than losing it.
/// </summary>
internal sealed class MessageConsumer(
    KafkaSettings settings, Subscriptions subscriptions, MessageCatalog catalog, IdempotentHandler handler,
    DeadLetters deadLetters, ILogger<MessageConsumer> logger) : BackgroundService
{
    private const int HandlerAttempts = 3;
    private static readonly TimeSpan CloseBudget = TimeSpan.FromSeconds(2);

    // One consumer per channel, each in its channel's group and on a thread of its own (Consume blocks): a busy
    // channel, such as drivers' locations, then never holds up the messages of a quiet one, such as the replies to a
    // request, and a rebalance of one channel's group never pauses the others.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var members = Task.WhenAll(subscriptions.Channels.Select(channel =>
            Task.Factory.StartNew(() => Run(channel.Topic, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        try
        {
            await members.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Close commits the stored offsets and leaves each group at once, unless the broker is gone or a group is
            // rebalancing (another instance joining or leaving), when LeaveGroup waits behind the JoinGroup the broker
            // holds. Not waiting for that costs nothing: the broker drops a silent member after its session timeout,
            // and anything handled since the last commit is handled again, idempotently.
            await Task.WhenAny(members, Task.Delay(CloseBudget, CancellationToken.None));
        }
    }

    private void Run(string topic, CancellationToken stoppingToken)
    {
        var group = settings.ConsumerGroup(topic);
        using var consumer = new ConsumerBuilder<string, byte[]>(settings.Consumer(topic))
            .SetLogHandler((_, log) => logger.KafkaClientLog(log.Level.ToString(), log.Facility, log.Message))
            .SetErrorHandler((_, error) => logger.KafkaClientError(error.Code.ToString(), error.Reason))
            .SetPartitionsAssignedHandler((_, partitions) => logger.PartitionsAssigned(group, string.Join(",", partitions.Select(p => p.Partition.Value))))
            .Build();
        consumer.Subscribe(topic);
        logger.Subscribed(group, topic);
        try
        {
            var backoff = new Backoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<string, byte[]>? result = null;
                try
                {
                    result = consumer.Consume(stoppingToken);
                    SettleAsync(result, stoppingToken).GetAwaiter().GetResult();
                    consumer.StoreOffset(result);
                    backoff.Reset();
                }
                catch (Exception exception) when (exception is not OperationCanceledException && !(exception is KafkaException { Error.IsFatal: true }))
                {
                    // Whatever went wrong, the message is not given up: wait, then read it again.
                    var delay = backoff.Next();
                    logger.ConsumerStalled(group, exception.Message, delay, exception);
                    stoppingToken.WaitHandle.WaitOne(delay);
                    if (result is not null) SeekBack(consumer, result);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            consumer.Close(); // commits the stored offsets and leaves the group
        }
    }

    private void SeekBack(IConsumer<string, byte[]> consumer, ConsumeResult<string, byte[]> result)
    {
        try
        {
            consumer.Seek(result.TopicPartitionOffset);
        }
        catch (KafkaException exception)
        {
            // The partition moved to another member meanwhile; it resumes from the last stored offset.
            logger.ConsumerStalled(settings.ConsumerGroup(result.Topic), "the partition was revoked", TimeSpan.Zero, exception);
        }
    }

    private async Task SettleAsync(ConsumeResult<string, byte[]> result, CancellationToken cancellationToken)
    {
        var headers = result.Message.Headers;
        using var activity = MessagingTelemetry.StartProcess(result.Topic, headers.Read(MessageHeaders.TraceParent),
            headers.Read(MessageHeaders.TraceState), settings.ConsumerGroup(result.Topic));
        activity?.SetTag("messaging.destination.partition.id", result.Partition.Value.ToString())
            .SetTag("messaging.kafka.offset", result.Offset.Value)
            .SetTag("messaging.kafka.message.key", result.Message.Key);

        var messageType = headers.Read(MessageHeaders.MessageType);
        if (!Guid.TryParse(headers.Read(MessageHeaders.MessageId), out var messageId) || messageType is null)
        {
            await deadLetters.SendAsync(result, "invalid-envelope", $"The {MessageHeaders.MessageId} header (a UUID) and the {MessageHeaders.MessageType} header are required.", cancellationToken);
            return;
        }

        activity?.SetTag("messaging.message.id", messageId.ToString());
        var channel = subscriptions.ChannelOf(result.Topic);
        if (!channel.MessageTypes.Contains(messageType))
        {
            if (UndeclaredMessageTypes.Settle(channel, subscriptions.MessageTypesOn(channel), messageType) is { } deadLetter)
            {
                await deadLetters.SendAsync(result, deadLetter.Reason, deadLetter.Error, cancellationToken);
            }

            return;
        }

        if (subscriptions.For(messageType) is not { } subscription) return; // carried by the channel, not of interest here

        object message;
        try
        {
            message = catalog.Deserialize(messageType, result.Message.Value ?? []);
        }
        catch (JsonException exception)
        {
            await deadLetters.SendAsync(result, "malformed-body", $"The body is not a valid {messageType}: {exception.Message}", cancellationToken);
            return;
        }

        var envelope = new Envelope(messageId, messageType,
            headers.Read(MessageHeaders.CorrelationId) ?? messageId.ToString(), headers.Read(MessageHeaders.CausationId),
            headers.Read(MessageHeaders.ReplyTo), result.Topic, result.Partition.Value, result.Offset.Value, result.Message.Key);
        await HandleWithRetriesAsync(result, envelope, subscription, message, cancellationToken);
    }

    private async Task HandleWithRetriesAsync(
        ConsumeResult<string, byte[]> result, Envelope envelope, Subscription subscription, object message, CancellationToken cancellationToken)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));
        var failures = 0;
        while (true)
        {
            try
            {
                await handler.HandleAsync(envelope, subscription, message, cancellationToken);
                return;
            }
            catch (InvalidMessageException exception)
            {
                await deadLetters.SendAsync(result, "invalid-message", exception.Message, cancellationToken);
                return;
            }
            catch (Exception exception) when (IsOutage(exception) && !cancellationToken.IsCancellationRequested)
            {
                // Not this message's fault: keep it, and its partition's order, until the database is back.
                var delay = backoff.Next();
                logger.ConsumerStalled(settings.ConsumerGroup(result.Topic), "the database is unreachable", delay, exception);
                await Task.Delay(delay, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (++failures >= HandlerAttempts)
                {
                    await deadLetters.SendAsync(result, "handler-failed", exception.ToString(), cancellationToken);
                    return;
                }

                var delay = backoff.Next();
                logger.HandlerFailed(failures, envelope.MessageType, envelope.MessageId, delay, exception);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private static bool IsOutage(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or TimeoutException or SocketException;
}
