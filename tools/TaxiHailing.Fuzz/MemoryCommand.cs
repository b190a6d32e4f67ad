using System.Text;

namespace TaxiHailing.Fuzz;

/// <summary>
/// Sends concurrent large invalid-JSON bodies (by Content-Length, then chunked) to the services that take bodies and
/// prints each one's resident memory before, at its peak while they arrive, and a few seconds after.
/// </summary>
internal static class MemoryCommand
{
    private static readonly (string Service, int Port, string Path)[] Targets =
        [("passengers", 5200, "/v1/passengers"), ("trips", 5100, "/v1/trips"), ("drivers", 5500, "/v1/drivers")];

    public static async Task<int> RunAsync(FuzzOptions options, CancellationToken cancellationToken)
    {
        // Invalid JSON: an object whose one string never ends.
        var body = Encoding.ASCII.GetBytes("{\"name\": \"" + new string('x', options.BodyMiB * 1024 * 1024 - 10));
        var worst = 0.0;
        Console.WriteLine($"{options.Concurrency} concurrent {options.BodyMiB} MiB invalid-JSON bodies per service and framing; resident memory (VmRSS) in MiB:");
        Console.WriteLine($"{"service",-12} {"framing",-15} {"before",8} {"peak",8} {"after",8} {"peak-before",12}  answers");
        foreach (var (service, port, path) in Targets)
        {
            var pid = ProcessMemory.ListenerOf(port);
            foreach (var chunked in new[] { false, true })
            {
                var request = chunked
                    ? [.. Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8]
                    : RawHttp.Request("POST", path, [("Content-Type", "application/json")], body);
                var before = ProcessMemory.ResidentMiB(pid);
                var peak = before;
                using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var sampler = Task.Run(async () =>
                {
                    while (!sampling.IsCancellationRequested)
                    {
                        peak = Math.Max(peak, ProcessMemory.ResidentMiB(pid));
                        await Task.Delay(20);
                    }
                });
                var answers = await Task.WhenAll(Enumerable.Range(0, options.Concurrency)
                    .Select(_ => RawHttp.SendAsync(port, request, TimeSpan.FromSeconds(60), cancellationToken)));
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                await sampling.CancelAsync();
                await sampler;
                var after = ProcessMemory.ResidentMiB(pid);
                worst = Math.Max(worst, peak - before);
                var statuses = string.Join(" ", answers.GroupBy(a => a.Status).Select(g => $"{(g.Key == 0 ? "none" : g.Key.ToString())}x{g.Count()}"));
                Console.WriteLine($"{service,-12} {(chunked ? "chunked" : "content-length"),-15} {before,8:0.0} {peak,8:0.0} {after,8:0.0} {peak - before,12:+0.0;-0.0}  {statuses}");
            }
        }

        Console.WriteLine($"Largest rise: {worst:0.0} MiB (target: under 150 MiB).");
        return worst < 150 ? 0 : 1;
    }
}
