namespace TaxiHailing.Fuzz;

/// <summary>Counts by status per service and in total, the 5xx answers, and every 4xx that is not problem+json.</summary>
internal static class FuzzReport
{
    public static int Print(IReadOnlyList<Outcome> outcomes)
    {
        Console.WriteLine();
        if (outcomes.Count == 0)
        {
            Console.WriteLine("No service answered: is the system running (./run.sh)?");
            return 2;
        }

        foreach (var service in outcomes.GroupBy(o => o.Service).OrderBy(g => g.Key))
        {
            Console.WriteLine($"{service.Key,-14} {service.Count(),6} requests: {ByStatus(service)}");
        }

        Console.WriteLine($"{"total",-14} {outcomes.Count,6} requests: {ByStatus(outcomes)}");
        Console.WriteLine($"{"per operation",-14} min {outcomes.GroupBy(o => (o.Service, o.Operation.Name)).Min(g => g.Count())} requests");

        // Kestrel answers what it cannot parse itself, before any application code runs: no body, no content type.
        static bool FromKestrel(Outcome o) => o.Answer.ContentType is null && o.Answer.ContentLength is 0 or null;
        var serverErrors = outcomes.Where(o => o.Answer.Status >= 500).ToList();
        var notProblem = outcomes.Where(o => o.Answer.Status is >= 400 and < 500 && !o.Answer.IsProblemJson).ToList();
        var kestrel = notProblem.Where(FromKestrel).ToList();
        var application = notProblem.Except(kestrel).ToList();
        var unanswered = outcomes.Where(o => o.Answer.Status == 0).ToList();

        Console.WriteLine();
        Console.WriteLine($"5xx answers: {serverErrors.Count} (500: {serverErrors.Count(o => o.Answer.Status == 500)}; from Kestrel itself: {serverErrors.Count(FromKestrel)} {ByStatus(serverErrors.Where(FromKestrel))})");
        Examples(serverErrors);
        Console.WriteLine($"4xx answers that are not application/problem+json: {notProblem.Count}");
        Console.WriteLine($"  from Kestrel itself (empty body; the request never reached the application): {kestrel.Count} {ByStatus(kestrel)}");
        Examples(kestrel);
        Console.WriteLine($"  from the application: {application.Count}");
        Examples(application);
        Console.WriteLine($"No answer (connection closed or timed out): {unanswered.Count}");
        Examples(unanswered);
        return serverErrors.All(FromKestrel) && application.Count == 0 ? 0 : 1;
    }

    private static string ByStatus(IEnumerable<Outcome> outcomes) =>
        string.Join("  ", outcomes.GroupBy(o => o.Answer.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "none" : g.Key.ToString())}:{g.Count()}"));

    private static void Examples(IEnumerable<Outcome> outcomes)
    {
        foreach (var group in outcomes.GroupBy(o => (o.Probe.Class, o.Answer.Status)).OrderByDescending(g => g.Count()).Take(8))
        {
            var example = group.First();
            var target = example.Probe.Target.Length > 70 ? example.Probe.Target[..70] + "..." : example.Probe.Target;
            var method = example.Probe.Method.Length > 12 ? example.Probe.Method[..12] + "..." : example.Probe.Method;
            Console.WriteLine($"    {group.Count(),5} x {group.Key.Class,-18} e.g. {example.Service} {method} {target} -> {example.Answer.Excerpt[..Math.Min(example.Answer.Excerpt.Length, 110)]}");
        }
    }
}
