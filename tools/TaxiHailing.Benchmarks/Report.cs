namespace TaxiHailing.Benchmarks;

internal static class Report
{
    public static void Print(BenchmarkOptions options, DispatchResult dispatch, BrokerResult broker)
    {
        Console.WriteLine();
        Console.WriteLine($"Dispatch: {options.Trips} trip requests at {options.Rate}/s over {dispatch.Elapsed.TotalSeconds:0.0} s, " +
                          $"{dispatch.Requested} accepted ({dispatch.AssignedMs.Count} assigned, {dispatch.Unserved} unserved, {dispatch.Missing} without outcome)");
        var failed = dispatch.Failures.Count == 0 ? "none" : string.Join(", ", dispatch.Failures.Select(f => $"{f.Value} x {f.Key}"));
        Console.WriteLine($"  failed requests                     {failed}");
        var failedCancellations = dispatch.FailedCancellations.Count == 0 ? "none" : string.Join(", ", dispatch.FailedCancellations.Select(f => $"{f.Value} x {f.Key}"));
        Console.WriteLine($"  failed cancellations                {failedCancellations}");
        Console.WriteLine($"  throughput                          {dispatch.AssignedMs.Count / dispatch.Elapsed.TotalSeconds,8:0.0} assignments/s");
        Line("POST /v1/trips", dispatch.RequestMs);
        Line("request -> driver assigned", dispatch.AssignedMs);
        Console.WriteLine();
        Console.WriteLine($"Broker: {broker.LatencyMs.Count} messages over {broker.Elapsed.TotalSeconds:0.0} s");
        Line("produce -> consume", broker.LatencyMs);
    }

    private static void Line(string what, IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            Console.WriteLine($"  {what,-34} no samples");
            return;
        }

        var sorted = samples.Order().ToArray();
        Console.WriteLine($"  {what,-34} p50 {Percentile(sorted, 50),8:0.0} ms   p95 {Percentile(sorted, 95),8:0.0} ms   p99 {Percentile(sorted, 99),8:0.0} ms   max {sorted[^1],8:0.0} ms");
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
