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
    int Missing, TimeSpan Elapsed);

/// <summary>
/// Requests trips at a steady rate and times each one from sending the request to its outcome on
/// taxi.dispatch.events. Assigned trips are cancelled at once, so the fleet never runs dry.
/// </summary>
internal static class DispatchBenchmark
{
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(30);

    public static async Task<DispatchResult> RunAsync(BenchmarkOptions options)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var passengerId = await RegisterPassengerAsync(http, options.PassengersUrl);
        var sentAt = new ConcurrentDictionary<string, long>();
        var outcomes = new ConcurrentDictionary<string, (long At, string Type)>();
        var cancellations = new ConcurrentBag<Task>();
        var requestMs = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();

        void CancelWhenAssigned(string tripId)
        {
            if (sentAt.ContainsKey(tripId) && outcomes.TryGetValue(tripId, out var outcome) && outcome.Type == DriverAssigned.MessageType)
            {
                cancellations.Add(http.PostAsync(new Uri(options.TripsUrl, $"/v1/trips/{tripId}/cancellation"), null));
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
            requests.Add(RequestTripAsync());
        }

        await Task.WhenAll(requests);
        using (var deadline = new CancellationTokenSource(OutcomeTimeout))
        {
            while (sentAt.Keys.Any(id => !outcomes.ContainsKey(id)) && !deadline.IsCancellationRequested) await Task.Delay(50);
        }

        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await watcher;
        await Task.WhenAll(cancellations);

        var assigned = sentAt
            .Where(sent => outcomes.TryGetValue(sent.Key, out var outcome) && outcome.Type == DriverAssigned.MessageType)
            .Select(sent => Stopwatch.GetElapsedTime(sent.Value, outcomes[sent.Key].At).TotalMilliseconds)
            .ToList();
        var unserved = sentAt.Keys.Count(id => outcomes.TryGetValue(id, out var outcome) && outcome.Type == TripUnserved.MessageType);
        return new DispatchResult(assigned, requestMs.ToList(), sentAt.Count, unserved, failures, sentAt.Keys.Count(id => !outcomes.ContainsKey(id)), elapsed);

        async Task RequestTripAsync()
        {
            var started = Stopwatch.GetTimestamp();
            var body = $$"""{ "passengerId": "{{passengerId}}", "pickup": { "lat": 51.5072, "lng": -0.1275 }, "dropoff": { "lat": 51.5194, "lng": -0.1270 } }""";
            try
            {
                using var response = await http.PostAsync(new Uri(options.TripsUrl, "/v1/trips"), new StringContent(body, Encoding.UTF8, "application/json"));
                requestMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    failures.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, count) => count + 1);
                    return;
                }

                var tripId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
                sentAt[tripId] = started;
                CancelWhenAssigned(tripId);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                failures.AddOrUpdate(exception.GetType().Name, 1, (_, count) => count + 1);
            }
        }
    }

    private static async Task<string> RegisterPassengerAsync(HttpClient http, Uri passengersUrl)
    {
        using var response = await http.PostAsJsonAsync(new Uri(passengersUrl, "/v1/passengers"), new { name = "Benchmark Rider", phone = "+44 20 7946 0999" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
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
