using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace TaxiHailing.Messaging;

/// <summary>
/// Moves a message that cannot be handled to &lt;topic&gt;.dlq, unchanged, with why in its headers, so that it
/// neither blocks its partition nor disappears. Keeps trying while the broker is away.
/// </summary>
internal sealed class DeadLetters(KafkaProducer producer, KafkaSettings settings, ILogger<DeadLetters> logger)
{
    public async Task SendAsync(ConsumeResult<string, byte[]> result, string reason, string error, CancellationToken cancellationToken)
    {
        var deadLetterTopic = $"{result.Topic}.dlq";
        var headers = new Headers();
        foreach (var header in result.Message.Headers ?? []) headers.Add(header.Key, header.GetValueBytes());
        Add(headers, MessageHeaders.DeadLetterReason, reason);
        Add(headers, MessageHeaders.DeadLetterError, error);
        Add(headers, MessageHeaders.DeadLetterConsumer, settings.Service);
        Add(headers, MessageHeaders.DeadLetterTopic, result.Topic);
        Add(headers, MessageHeaders.DeadLetterPartition, result.Partition.Value.ToString());
        Add(headers, MessageHeaders.DeadLetterOffset, result.Offset.Value.ToString());

        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        while (true)
        {
            try
            {
                await producer.Producer.ProduceAsync(deadLetterTopic,
                    new Message<string, byte[]> { Key = result.Message.Key, Value = result.Message.Value, Headers = headers }, cancellationToken);
                logger.DeadLettered(result.Topic, result.Partition.Value, result.Offset.Value, deadLetterTopic, reason, error);
                return;
            }
            catch (ProduceException<string, byte[]> exception)
            {
                var delay = backoff.Next();
                logger.ConsumerStalled(settings.ConsumerGroup(result.Topic), $"cannot dead-letter to {deadLetterTopic}", delay, exception);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private static void Add(Headers headers, string name, string value) =>
        headers.Add(name, Encoding.UTF8.GetBytes(value.Length > 4000 ? value[..4000] : value));
}
