using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TaxiHailing.Hosting;

namespace TaxiHailing.Benchmarks;

/// <summary>One scenario's measurements: each request's latency, and how many answers of each kind came back.</summary>
internal sealed record ScenarioResult(string Pipeline, string Scenario, IReadOnlyList<double> LatencyMs, IReadOnlyDictionary<string, int> Answers, string? Note);

/// <summary>
/// POST /v1/trips with Passengers healthy, dead (stopped), with Trips' circuit to it open, and frozen (SIGSTOP),
/// first under our tuned pipeline and then under the library's standard handler with its defaults. It starts the
/// application model itself (as the end-to-end tests do), because only the AppHost can stop and freeze Passengers.
/// Half the requests come from a passenger Trips verified before (the fallback may let them ride), half from one
/// it never verified (who must be refused).
/// </summary>
internal static class PartialFailureBenchmark
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tools/TaxiHailing.Benchmarks -- partial-failure [--requests <n>] [--rate <per second>]

        Starts the whole application model (free ports, empty databases), then measures POST /v1/trips latency and the
        mix of answers with Passengers healthy, dead, behind an open circuit, and frozen: once with the tuned pipeline
        (Dependencies:passengers defaults), once with the library's standard resilience handler and its defaults.

          --requests <n>           requests per scenario                                              default 40
          --rate <per second>      request rate                                                       default 4
        """;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(int requests, double rate)
    {
        var results = new List<ScenarioResult>();
        foreach (var pipeline in (string[])["Tuned", "LibraryDefaults"])
        {
            Console.WriteLine($"Starting the application with Dependencies:passengers:Pipeline={pipeline} ...");
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<DistributedApplication>();
            var trips = builder.CreateResourceBuilder<ProjectResource>("trips").WithEnvironment("Dependencies__passengers__Pipeline", pipeline);
            // Under the library's defaults Trips' own 10 s request deadline would cut the handler short: let it show its own timing.
            if (pipeline == "LibraryDefaults") trips.WithEnvironment("RequestTimeouts__Default", "00:01:00");
            builder.CreateResourceBuilder<ProjectResource>("drivers").WithEnvironment("Simulation__Enabled", "false"); // less noise
            await using var app = builder.Build();
            await app.StartAsync().WaitAsync(TimeSpan.FromMinutes(3));
            results.AddRange(await RunScenariosAsync(app, pipeline, requests, rate));
        }

        return results;
    }

    private static async Task<List<ScenarioResult>> RunScenariosAsync(DistributedApplication app, string pipeline, int requests, double rate)
    {
        using var http = new HttpClient { BaseAddress = app.GetEndpoint("trips"), Timeout = TimeSpan.FromSeconds(60) };
        using var passengers = new HttpClient { BaseAddress = app.GetEndpoint("passengers") };
        var regular = await RegisterAsync(passengers, "Regular Rider");
        var newcomer = await RegisterAsync(passengers, "New Rider");
        var results = new List<ScenarioResult>();
        async Task Measure(string scenario, string? note = null) =>
            results.Add(await MeasureAsync(http, pipeline, scenario, [regular, newcomer], requests, rate, note));

        // Only the regular rider is verified live, which is what the fallback remembers; the first requests warm up.
        await MeasureAsync(http, pipeline, "warm-up", [regular], 5, rate, null);
        results.Add(await MeasureAsync(http, pipeline, "healthy", [regular], requests, rate, null));

        await app.StopResourceAsync("passengers");
        await Measure("dead");
        // Still dead: a few more failures than the tuned breaker needs, then measure while it is open (or would be).
        var warmUp = await MeasureAsync(http, pipeline, "warm-up", [newcomer], 8, rate, null);
        var opened = warmUp.Answers.Keys.Any(answer => answer.Contains("circuit-open"));
        await Measure("breaker open", opened ? null : "the circuit did not open: the library's breaker needs 100 calls within 30 s, far more than this traffic");
        await app.StartResourceAsync("passengers");
        await app.WaitForResourceHealthyAsync("passengers", TimeSpan.FromSeconds(60));
        await WaitUntilLiveAsync(http, regular);

        await app.FreezeResourceAsync("passengers");
        await Measure("frozen");
        await app.ResumeResourceAsync("passengers");
        return results;
    }

    private static async Task<ScenarioResult> MeasureAsync(
        HttpClient http, string pipeline, string scenario, string[] riders, int requests, double rate, string? note)
    {
        Console.WriteLine($"  {pipeline}: {scenario} ({requests} requests at {rate}/s) ...");
        var latencies = new ConcurrentBag<double>();
        var answers = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var sent = new List<Task>();
        for (var i = 0; i < requests; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            var rider = riders[i % riders.Length];
            sent.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await RequestTripAsync(http, rider);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                answers.AddOrUpdate(answer, 1, (_, count) => count + 1);
            }));
        }

        await Task.WhenAll(sent);
        return new ScenarioResult(pipeline, scenario, [.. latencies], answers, note);
    }

    /// <summary>"201 live", "201 cached", "503 timeout", "500", "HttpRequestException", ...</summary>
    private static async Task<string> RequestTripAsync(HttpClient http, string passengerId)
    {
        var body = $$"""{ "passengerId": "{{passengerId}}", "pickup": { "lat": 51.5072, "lng": -0.1275 }, "dropoff": { "lat": 51.5194, "lng": -0.1270 } }""";
        try
        {
            using var response = await http.PostAsync("/v1/trips", new StringContent(body, Encoding.UTF8, "application/json"));
            var status = ((int)response.StatusCode).ToString();
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject;
            var detail = json?["passengerVerification"] ?? json?["reason"];
            return detail is null ? status : $"{status} {detail.GetValue<string>()}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return exception.GetType().Name;
        }
    }

    private static async Task WaitUntilLiveAsync(HttpClient http, string rider)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await RequestTripAsync(http, rider) != "201 live")
        {
            await Task.Delay(250, deadline.Token);
        }
    }

    private static async Task<string> RegisterAsync(HttpClient passengers, string name)
    {
        using var response = await passengers.PostAsJsonAsync("/v1/passengers", new { name, phone = "+44 20 7946 0999" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }
}
