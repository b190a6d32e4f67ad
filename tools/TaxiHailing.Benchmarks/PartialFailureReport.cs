namespace TaxiHailing.Benchmarks;

internal static class PartialFailureReport
{
    public static void Print(IReadOnlyList<ScenarioResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| Pipeline | Passengers | Requests | p50 ms | p99 ms | max ms | Answers |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var result in results)
        {
            var sorted = result.LatencyMs.Order().ToArray();
            var answers = string.Join(", ", result.Answers.OrderByDescending(answer => answer.Value).Select(answer => $"{answer.Value} × {answer.Key}"));
            Console.WriteLine($"| {result.Pipeline} | {result.Scenario} | {sorted.Length} | {Percentile(sorted, 50):0.0} | {Percentile(sorted, 99):0.0} | {sorted[^1]:0.0} | {answers} |");
        }

        foreach (var result in results.Where(result => result.Note is not null))
        {
            Console.WriteLine($"{result.Pipeline}, {result.Scenario}: {result.Note}");
        }
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
