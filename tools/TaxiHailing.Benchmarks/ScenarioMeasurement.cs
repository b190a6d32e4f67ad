using System.Collections.Concurrent;
using System.Diagnostics;

namespace TaxiHailing.Benchmarks;

/// <summary>One scenario's measurements: each request's latency, and how many answers of each kind came back.</summary>
internal sealed record ScenarioResult(string Pipeline, string Scenario, IReadOnlyList<double> LatencyMs, IReadOnlyDictionary<string, int> Answers, string? Note);

internal static class ScenarioMeasurement
{
    private const int AttemptsPerProbe = 15; // below the per-caller rate limit's default of 20 a minute
    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(90);

    /// <summary>
    /// One trip request per rider at <paramref name="rate"/>, each timed from sending to the whole answer. The trips
    /// made are cancelled once the last answer is in, outside the measurement.
    /// </summary>
    public static async Task<ScenarioResult> MeasureAsync(
        TaxiApi api, string pipeline, string scenario, IReadOnlyList<Account> riders, double rate, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  {pipeline}: {scenario} ({riders.Count} requests at {rate}/s) ...");
        var latencies = new ConcurrentBag<double>();
        var answers = new ConcurrentDictionary<string, int>();
        var trips = new ConcurrentBag<(Account Rider, string TripId)>();
        var clock = Stopwatch.StartNew();
        var sent = new List<Task>();
        for (var i = 0; i < riders.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due, cancellationToken);
            var rider = riders[i];
            sent.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await TripAnswer.RequestAsync(api, rider, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                answers.AddOrUpdate(answer.Kind, 1, (_, count) => count + 1);
                if (answer.TripId is { } tripId) trips.Add((rider, tripId));
            }, cancellationToken));
        }

        await Task.WhenAll(sent);
        cancellationToken.ThrowIfCancellationRequested();
        await TripAnswer.CancelAllAsync(api, trips, cancellationToken);
        return new ScenarioResult(pipeline, scenario, [.. latencies], answers, null);
    }

    /// <summary>
    /// Until Trips verifies a passenger live (its circuit to Passengers closed, whatever an earlier run left). New
    /// probe riders, each for a few attempts only, and any trip one is given is cancelled at once.
    /// </summary>
    public static async Task WaitUntilLiveAsync(TaxiApi api, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(LiveWithin);
        try
        {
            Account probe = null!;
            for (var attempt = 0; ; attempt++)
            {
                if (attempt % AttemptsPerProbe == 0) probe = await api.RegisterPassengerAsync("Probe Rider", deadline.Token);
                var answer = await TripAnswer.RequestAsync(api, probe, deadline.Token);
                if (answer.TripId is { } tripId) await TripAnswer.CancelAllAsync(api, [(probe, tripId)], deadline.Token);
                if (answer.Kind == TripAnswer.Live) return;
                await Task.Delay(250, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SystemNotReadyException($"Trips did not verify a passenger live within {LiveWithin.TotalSeconds:0} s of passengers being healthy.");
        }
    }
}
