using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.Fuzz;

internal sealed record Outcome(string Service, Operation Operation, Probe Probe, RawAnswer Answer);

/// <summary>Reads every running service's OpenAPI document and sends each operation its hostile requests.</summary>
internal static class FuzzCommand
{
    public static async Task<int> RunAsync(FuzzOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var random = new Random(options.Seed);
        var work = new List<(string Service, Operation Operation, Probe Probe)>();
        var restore = new List<Func<Task>>();
        var services = await Services.FindAsync(http, options.Control, cancellationToken);
        var credentials = await Credentials.SignInAsync(http, Url("passengers"), Url("drivers"), cancellationToken);
        Console.WriteLine(credentials.Available ? "Signed in as a passenger, a driver and an operator." : "No /dev/tokens: sending no token.");
        foreach (var (service, url) in services)
        {
            var documents = await ApiDocuments.ReadAsync(http, url, cancellationToken);
            if (documents.Count == 0)
            {
                Console.Error.WriteLine($"{service} at {url}: no OpenAPI document; skipped.");
                continue;
            }

            var operations = documents.SelectMany(document => Operation.From(document, service, url.Port)).ToList();
            foreach (var operation in operations)
            {
                var (account, authorization) = await credentials.ForAsync(operation, options.PerOperation, cancellationToken);
                if (operation.PathTemplate == "/admin/dependencies" && operation.Method == "GET") restore.Add(await AdminState.SnapshotAsync(http, url, authorization(), cancellationToken));
                var signedIn = operation with { AccountId = account?.Subject };
                work.AddRange(Probes.For(signedIn, authorization, options.PerOperation, random).Select(probe => (service, signedIn, probe)));
            }

            Console.WriteLine($"{service}: {operations.Count} operations");
        }

        Uri Url(string name) => services.FirstOrDefault(found => found.Name == name).Url ?? new Uri($"http://localhost:{Services.Public.First(p => p.Name == name).Port}");

        Console.WriteLine($"Sending {work.Count} requests, {options.Parallelism} at a time ...");
        var outcomes = new ConcurrentBag<Outcome>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (item, token) =>
            outcomes.Add(new(item.Service, item.Operation, item.Probe, await RawHttp.SendAsync(item.Operation.Port, item.Probe.Bytes, Probe.Timeout, token))));

        foreach (var undo in restore) await undo();
        return FuzzReport.Print([.. outcomes]);
    }
}

/// <summary>What the admin API's fuzzing may have changed (pipelines, faults), put back afterwards.</summary>
internal static class AdminState
{
    public static async Task<Func<Task>> SnapshotAsync(HttpClient http, Uri service, string? authorization, CancellationToken cancellationToken)
    {
        using var listed = await http.SendAsync(Request(HttpMethod.Get, "/admin/dependencies"), cancellationToken);
        var dependencies = JsonNode.Parse(await listed.Content.ReadAsStringAsync(cancellationToken))!.AsArray();
        return async () =>
        {
            foreach (var dependency in dependencies)
            {
                var name = dependency!["name"]!.GetValue<string>();
                using var faults = await http.SendAsync(Request(HttpMethod.Delete, $"/admin/dependencies/{name}/faults"), cancellationToken);
                var pipeline = Request(HttpMethod.Put, $"/admin/dependencies/{name}/pipeline");
                pipeline.Content = JsonContent.Create(new { pipeline = dependency["pipeline"]!.GetValue<string>() });
                using var switched = await http.SendAsync(pipeline, cancellationToken);
                Console.WriteLine($"{service.Port}: {name}'s faults reset ({(int)faults.StatusCode}), pipeline back to {dependency["pipeline"]} ({(int)switched.StatusCode})");
            }
        };

        HttpRequestMessage Request(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, new Uri(service, path));
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return request;
        }
    }
}
