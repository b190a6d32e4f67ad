using System.Text;

namespace TaxiHailing.Fuzz;

/// <summary>
/// Sends concurrent large invalid-JSON bodies (by Content-Length, then chunked) to the services that take bodies and
/// prints each one's resident memory before, at its peak while they arrive, and a few seconds after.
/// </summary>
internal static class MemoryCommand
{
    // Each sent by a caller it serves: anyone else would be refused before the body is read.
    private static readonly (string Service, int Port, string Path, string Role)[] Targets =
        [("passengers", 5200, "/v1/passengers", "passenger"), ("trips", 5100, "/v1/trips", "passenger"), ("drivers", 5500, "/v1/drivers", "driver")];

    public static async Task<int> RunAsync(FuzzOptions options, CancellationToken cancellationToken)
    {
        // Invalid JSON: an object whose one string never ends.
        var body = Encoding.ASCII.GetBytes("{\"name\": \"" + new string('x', options.BodyMiB * 1024 * 1024 - 10));
        var worst = 0.0;
        Console.WriteLine($"{options.Concurrency} concurrent {options.BodyMiB} MiB invalid-JSON bodies per service and framing; resident memory (VmRSS) in MiB:");
        Console.WriteLine($"{"service",-12} {"framing",-15} {"before",8} {"peak",8} {"after",8} {"peak-before",12}  answers");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var (service, port, path, role) in Targets)
        {
            var pid = ProcessMemory.ListenerOf(port);
            foreach (var chunked in new[] { false, true })
            {
                var authorization = await Credentials.AuthorizationAsync(http, new Uri($"http://localhost:{port}"), role, cancellationToken);
                (string, string)[] headers = authorization is null
                    ? [("Content-Type", "application/json")]
                    : [("Authorization", authorization), ("Content-Type", "application/json")];
                var request = chunked
                    ? [.. RawHttp.Request("POST", path, [.. headers, ("Transfer-Encoding", "chunked")], contentLength: false), .. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8]
                    : RawHttp.Request("POST", path, headers, body);
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
