using System.Diagnostics;
using Confluent.Kafka;

namespace TaxiHailing.Benchmarks;

internal sealed record BrokerResult(IReadOnlyList<double> LatencyMs, TimeSpan Elapsed);

/// <summary>The floor under the dispatch figures: produce -> consume on the same broker, with our producer settings.</summary>
internal static class BrokerLatencyBenchmark
{
    private const string Topic = "taxi.benchmark.latency";

    public static async Task<BrokerResult> RunAsync(BenchmarkOptions options)
    {
        Console.WriteLine($"Measuring raw produce -> consume latency with {options.BrokerMessages} messages ...");
        using var producer = new ProducerBuilder<Null, long>(new ProducerConfig
        {
            BootstrapServers = options.Kafka,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 1,
        }).SetLogHandler((_, _) => { }).Build();
        // The first produce creates the topic (auto-created by the broker) and warms the connection.
        await producer.ProduceAsync(Topic, new Message<Null, long> { Value = 0 });

        using var consumer = new ConsumerBuilder<Null, long>(new ConsumerConfig
        {
            BootstrapServers = options.Kafka,
            GroupId = $"benchmark-{Guid.NewGuid()}",
            EnableAutoCommit = false,
            FetchWaitMaxMs = 25, // as the services' consumers (KafkaSettings)
        }).SetLogHandler((_, _) => { }).Build();
        var partition = new TopicPartition(Topic, 0);
        consumer.Assign(new TopicPartitionOffset(partition, consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).High));

        var latencies = new List<double>(options.BrokerMessages);
        var clock = Stopwatch.StartNew();
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < options.BrokerMessages; i++)
            {
                producer.Produce(partition, new Message<Null, long> { Value = Stopwatch.GetTimestamp() });
                if (i % 10 == 9) await Task.Delay(10); // about 1,000 messages a second, not a single burst
            }

            producer.Flush(TimeSpan.FromSeconds(30));
        });

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (latencies.Count < options.BrokerMessages && !deadline.IsCancellationRequested)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } result)
            {
                latencies.Add(Stopwatch.GetElapsedTime(result.Message.Value).TotalMilliseconds);
            }
        }

        await sending;
        return new BrokerResult(latencies, clock.Elapsed);
    }
}
