using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace TaxiHailing.Messaging;

/// <summary>The service's one idempotent producer, shared by the outbox relay and dead-lettering.</summary>
public sealed class KafkaProducer : IDisposable
{
    public KafkaProducer(KafkaSettings settings, ILogger<KafkaProducer> logger)
    {
        Producer = new ProducerBuilder<string, byte[]>(settings.Producer())
            .SetLogHandler((_, log) => logger.KafkaClientLog(log.Level.ToString(), log.Facility, log.Message))
            .SetErrorHandler((_, error) => logger.KafkaClientError(error.Code.ToString(), error.Reason))
            .Build();
    }

    public IProducer<string, byte[]> Producer { get; }

    public void Dispose()
    {
        // Briefly: nothing depends on it. The relay marks a row published only once its delivery is reported, and
        // a dead letter is awaited before its offset is stored; whatever is still queued is sent again after a restart.
        Producer.Flush(TimeSpan.FromMilliseconds(500));
        Producer.Dispose();
    }
}
