using Microsoft.Extensions.Configuration;
using TaxiHailing.Contracts;

namespace TaxiHailing.Hosting;

public static class KafkaBrokerExtensions
{
    /// <summary>
    /// A Kafka broker: a connection-string parameter (a managed cluster's bootstrap servers) when publishing a
    /// manifest, the cluster in ConnectionStrings:{name} if the AppHost is given one, else the embedded broker.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddKafkaBroker(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        if (builder.ExecutionContext.IsPublishMode) return builder.AddConnectionString(name);
        return builder.Configuration.GetConnectionString(name) is null
            ? builder.AddEmbeddedKafka(name)
            : builder.AddConnectionString(name).OnConnectionStringAvailable((kafka, _, cancellationToken) => ExternalKafkaTopics.CreateMissingAsync(kafka, cancellationToken));
    }

    /// <summary>Declares a channel: the broker gets its topic and the topic's dead-letter companion before it is healthy.</summary>
    public static IResourceBuilder<T> WithChannel<T>(this IResourceBuilder<T> kafka, Channel channel, int partitions) where T : IResource
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        return kafka.WithAnnotation(new KafkaChannelAnnotation(channel.Topic, partitions));
    }

    internal static IEnumerable<(string Topic, int Partitions)> DeclaredTopics(this IResource kafka) =>
        kafka.Annotations.OfType<KafkaChannelAnnotation>().SelectMany(channel => channel.Topics);
}
