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
        Producer.Flush(TimeSpan.FromSeconds(5));
        Producer.Dispose();
    }
}
