using Confluent.Kafka;
using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Messaging;

namespace TaxiHailing.Testing;

/// <summary>
/// Every recorded message on the channels a service consumes, replayed once to its running consumer over the Kafka
/// protocol: those of the types it reads must be handled (its handler ran and committed, so the message is in
/// processed_messages), the others its channels carry must be skipped, and none may be dead-lettered.
/// </summary>
public sealed class RecordedTraffic(MessageCatalog catalog, KafkaSettings settings, BrokerClient kafka, NpgsqlDataSource database)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public string Service => settings.Service;

    /// <summary>The channels the service consumes: those carrying a type it reads.</summary>
    public IReadOnlyList<Channel> Channels { get; } =
        [.. Contract.Channels.Where(channel => channel.MessageTypes.Any(catalog.MessageTypes.Contains))];

    public IReadOnlyList<RecordedMessage> Read => [.. RecordedMessages.All.Where(message => catalog.MessageTypes.Contains(message.MessageType))];

    public IReadOnlyList<RecordedMessage> NotRead =>
        [.. RecordedMessages.All.Where(message => !catalog.MessageTypes.Contains(message.MessageType) && Channels.Any(channel => channel.Topic == message.Topic))];

    public async Task ReplayAsync()
    {
        var sent = new List<DeliveryResult<string, byte[]>>();
        foreach (var message in Read.Concat(NotRead)) sent.Add(await kafka.ReplayAsync(message));
        await kafka.WaitUntilSettledAsync(Service, sent, Patience);
    }

    /// <summary>The recorded messages the service's consumer recorded as processed.</summary>
    public async Task<IReadOnlyList<RecordedMessage>> ProcessedAsync()
    {
        await using var select = database.CreateCommand("SELECT message_id FROM processed_messages WHERE consumer = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = Service });
        var ids = new HashSet<Guid>();
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        }

        return [.. RecordedMessages.All.Where(message => ids.Contains(message.MessageId))];
    }

    /// <summary>What the service's consumer dead-lettered on its channels, as "message-type/message-id: reason: error".</summary>
    public IReadOnlyList<string> DeadLetters() =>
    [
        .. Channels.SelectMany(channel => kafka.ReadAll(channel.DeadLetterTopic))
            .Where(message => BrokerClient.Header(message, MessageHeaders.DeadLetterConsumer) == Service)
            .Select(message => $"{BrokerClient.Header(message, MessageHeaders.MessageType)}/{BrokerClient.Header(message, MessageHeaders.MessageId)}: " +
                $"{BrokerClient.Header(message, MessageHeaders.DeadLetterReason)}: {BrokerClient.Header(message, MessageHeaders.DeadLetterError)}"),
    ];
}
