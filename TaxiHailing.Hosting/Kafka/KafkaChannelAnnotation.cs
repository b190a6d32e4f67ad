namespace TaxiHailing.Hosting;

/// <summary>A channel the broker must have: its topic with a partition count, and its one-partition dead-letter topic.</summary>
public sealed record KafkaChannelAnnotation(string Topic, int Partitions) : IResourceAnnotation
{
    public IEnumerable<(string Topic, int Partitions)> Topics => [(Topic, Partitions), ($"{Topic}.dlq", 1)];
}
