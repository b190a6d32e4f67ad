using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaxiHailing.Messaging;

/// <summary>Healthy while the broker answers a metadata request over the producer's connection.</summary>
internal sealed class KafkaHealthCheck(KafkaProducer producer) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var admin = new DependentAdminClientBuilder(producer.Producer.Handle).Build();
            var metadata = await Task.Run(() => admin.GetMetadata(Timeout), cancellationToken);
            return metadata.Brokers.Count > 0
                ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s)")
                : HealthCheckResult.Unhealthy("No broker answered.");
        }
        catch (KafkaException exception)
        {
            return HealthCheckResult.Unhealthy("The Kafka broker is not reachable.", exception);
        }
    }
}
