using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Benchmarks;

internal sealed record DispatchResult(
    IReadOnlyList<double> AssignedMs, IReadOnlyList<double> RequestMs, int Requested, int Unserved, IReadOnlyDictionary<string, int> Failures,
    int Missing, IReadOnlyDictionary<string, int> FailedCancellations, TimeSpan Elapsed);

/// <summary>
/// Requests trips at a steady rate and times each one from sending the request to its outcome on
/// taxi.dispatch.events. Assigned trips are cancelled at once, so the fleet never runs dry. Each trip has a passenger
/// of its own, registered before the clock starts: a passenger holds one open trip at most, and may request only so
/// many a minute.
/// </summary>
internal static class DispatchBenchmark
{
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(30);

    public static async Task<DispatchResult> RunAsync(BenchmarkOptions options)
    {
        using var api = new TaxiApi(options.TripsUrl, options.PassengersUrl, TimeSpan.FromSeconds(30));
        Console.WriteLine($"Signing in and registering {options.Trips} passengers, one per trip ...");
        var passengers = await api.RegisterPassengersAsync(options.Trips, "Benchmark Rider", CancellationToken.None);
        var sent = new ConcurrentDictionary<string, (long At, Account Passenger)>();
        var outcomes = new ConcurrentDictionary<string, (long At, string Type)>();
        var cancelling = new ConcurrentDictionary<string, byte>();
        var cancellations = new ConcurrentBag<Task<string>>();
        var requestMs = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();

        // Both the answer and the outcome call this: whichever comes second cancels, once.
        void CancelWhenAssigned(string tripId)
        {
            if (sent.TryGetValue(tripId, out var trip) && outcomes.TryGetValue(tripId, out var outcome) && outcome.Type == DriverAssigned.MessageType)
            {
                if (cancelling.TryAdd(tripId, 0)) cancellations.Add(api.CancelTripAsync(trip.Passenger, tripId, CancellationToken.None));
            }
        }

        using var stop = new CancellationTokenSource();
        var watcher = OutcomeWatcher.Start(options.Kafka, (tripId, type) =>
        {
            if (outcomes.TryAdd(tripId, (Stopwatch.GetTimestamp(), type))) CancelWhenAssigned(tripId);
        }, stop.Token);

        Console.WriteLine($"Requesting {options.Trips} trips at {options.Rate}/s ...");
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>();
        for (var i = 0; i < options.Trips; i++)
        {
            var due = TimeSpan.FromSeconds(i / options.Rate) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            requests.Add(RequestTripAsync(passengers[i]));
        }

        await Task.WhenAll(requests);
        using (var deadline = new CancellationTokenSource(OutcomeTimeout))
        {
            while (sent.Keys.Any(id => !outcomes.ContainsKey(id)) && !deadline.IsCancellationRequested) await Task.Delay(50);
        }

        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await watcher;
        var failedCancellations = (await Task.WhenAll(cancellations)).Where(status => status != "200")
            .CountBy(status => status).ToDictionary();

        var assigned = sent
            .Where(trip => outcomes.TryGetValue(trip.Key, out var outcome) && outcome.Type == DriverAssigned.MessageType)
            .Select(trip => Stopwatch.GetElapsedTime(trip.Value.At, outcomes[trip.Key].At).TotalMilliseconds)
            .ToList();
        var unserved = sent.Keys.Count(id => outcomes.TryGetValue(id, out var outcome) && outcome.Type == TripUnserved.MessageType);
        var missing = sent.Keys.Count(id => !outcomes.ContainsKey(id));
        return new DispatchResult(assigned, requestMs.ToList(), sent.Count, unserved, failures, missing, failedCancellations, elapsed);

        async Task RequestTripAsync(Account passenger)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await api.RequestTripAsync(passenger, CancellationToken.None);
                requestMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    failures.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, count) => count + 1);
                    return;
                }

                var tripId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
                sent[tripId] = (started, passenger);
                CancelWhenAssigned(tripId);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                failures.AddOrUpdate(exception.GetType().Name, 1, (_, count) => count + 1);
            }
        }
    }
}

/// <summary>Reads taxi.dispatch.events from its current end and reports each trip's outcome as it arrives.</summary>
internal static class OutcomeWatcher
{
    public static Task Start(string bootstrapServers, Action<string, string> onOutcome, CancellationToken stop)
    {
        var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"benchmark-{Guid.NewGuid()}",
            EnableAutoCommit = false,
            FetchWaitMaxMs = 25, // as the services' consumers (KafkaSettings)
        }).SetLogHandler((_, _) => { }).Build();
        const string topic = "taxi.dispatch.events";
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).SetLogHandler((_, _) => { }).Build())
        {
            // Explicit end offsets, so that the watcher is in place before the first trip is requested.
            var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Select(p => new TopicPartition(topic, p.PartitionId));
            consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High)));
        }

        return Task.Factory.StartNew(() =>
        {
            using (consumer)
            {
                while (!stop.IsCancellationRequested)
                {
                    var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                    if (result?.Message.Headers.TryGetLastBytes("message-type", out var type) == true)
                    {
                        onOutcome(result.Message.Key, Encoding.UTF8.GetString(type));
                    }
                }
            }
        }, TaskCreationOptions.LongRunning);
    }
}
