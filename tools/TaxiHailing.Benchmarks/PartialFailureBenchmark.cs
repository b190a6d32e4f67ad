namespace TaxiHailing.Benchmarks;

/// <summary>
/// POST /v1/trips against the running system with Passengers healthy, dead (stopped), with Trips' circuit to it
/// open, and frozen (SIGSTOP), first with Trips' calls to Passengers through our tuned pipeline, then through the
/// library's defaults. Half the requests come from regular riders Trips verified before (the fallback may let them
/// ride), half from newcomers it never verified (who must be refused); each request from a rider of its own.
/// </summary>
internal static class PartialFailureBenchmark
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tools/TaxiHailing.Benchmarks -- partial-failure [options]

        Against the running system (dotnet run --project TaxiHailing.AppHost, in Development), measures POST /v1/trips
        latency and the mix of answers with Passengers healthy, dead, behind an open circuit, and frozen: once with
        Trips' tuned pipeline to Passengers, once with the library's standard strategies and their defaults. It stops,
        starts, freezes and resumes Passengers through the AppHost's control API and switches the pipeline through
        Trips' admin API, and puts both back as it found them when it ends, fails or is interrupted (Ctrl+C). Every
        request comes from a passenger of its own, signed in through POST /dev/tokens and registered (the regulars
        also verified live) before Passengers goes down, so that neither the one open trip a passenger may hold nor
        the per-caller rate limit shapes the answers.

          --requests <n>           requests per scenario                                              default 40
          --rate <per second>      request rate                                                       default 4
          --trips-url <url>        default http://localhost:5100
          --passengers-url <url>   default http://localhost:5200
          --apphost-url <url>      the AppHost's control API                                          default http://localhost:18888
        """;

    private static readonly string[] Pipelines = ["tuned", "library-defaults"];

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(RunningSystem system, PartialFailureOptions options, CancellationToken cancellationToken)
    {
        var riders = await RegisterRidersAsync(system, options.Requests, cancellationToken);
        var results = new List<ScenarioResult>();
        foreach (var pipeline in Pipelines)
        {
            Console.WriteLine($"Trips' calls to passengers now go through the {pipeline} pipeline.");
            await system.SwitchPipelineAsync(pipeline, cancellationToken);
            results.AddRange(await RunScenariosAsync(system, pipeline, riders, options, cancellationToken));
        }

        return results;
    }

    /// <summary>
    /// Every pipeline's riders, the regulars verified through the pipeline Trips had, before either is measured. Then
    /// those calls leave that breaker's sampling window: each breaker must judge Passengers' failures against the
    /// scenarios' own healthy traffic only, or more successes in its window would keep it closed longer (or, for the
    /// library's, reaching its 100 calls would open it sooner).
    /// </summary>
    private static async Task<RiderPools> RegisterRidersAsync(RunningSystem system, int requests, CancellationToken cancellationToken)
    {
        // A circuit left open by an earlier run must close first, or the regulars could not be verified.
        await ScenarioMeasurement.WaitUntilLiveAsync(system.Api, cancellationToken);
        var regularsPerScenario = (requests + 1) / 2;
        var riders = await RiderPools.RegisterAsync(system.Api,
            fresh: Pipelines.Length * (HealthyWarmUp + requests),
            regulars: Pipelines.Length * 3 * regularsPerScenario,
            newcomers: Pipelines.Length * (3 * (requests - regularsPerScenario) + BreakerWarmUp),
            cancellationToken);
        // Polly counts the window in ten buckets: a tenth more, and the last bucket with a verification in it has gone too.
        var window = system.OriginalSamplingDuration * 1.1;
        Console.WriteLine($"Waiting {window.TotalSeconds:0} s for the verifications to leave the {system.OriginalPipeline} breaker's sampling window ...");
        await Task.Delay(window, cancellationToken);
        return riders;
    }

    private static async Task<List<ScenarioResult>> RunScenariosAsync(
        RunningSystem system, string pipeline, RiderPools riders, PartialFailureOptions options, CancellationToken cancellationToken)
    {
        var (api, requests) = (system.Api, options.Requests);
        // A circuit left open by an earlier run or pipeline must close first.
        await ScenarioMeasurement.WaitUntilLiveAsync(api, cancellationToken);
        var results = new List<ScenarioResult>();
        Task<ScenarioResult> Measure(string scenario, IReadOnlyList<Account> scenarioRiders) =>
            ScenarioMeasurement.MeasureAsync(api, pipeline, scenario, scenarioRiders, options.Rate, cancellationToken);
        void Add(ScenarioResult result, string? note = null)
        {
            string?[] notes = [note, DeadlineNote(result), OwnDoingNote(result)];
            results.Add(result with { Note = notes.Any(n => n is not null) ? string.Join("; ", notes.OfType<string>()) : null });
        }

        // The first requests warm up.
        await Measure("warm-up", riders.Fresh(HealthyWarmUp));
        Add(await Measure("healthy", riders.Fresh(requests)));

        await system.StopPassengersAsync(cancellationToken);
        Add(await Measure("dead", riders.RegularsAndNewcomers(requests)));
        // Still dead: a few more failures than the tuned breaker needs, then measure while it is open (or would be).
        var warmUp = await Measure("warm-up", riders.Newcomers(BreakerWarmUp));
        var opened = warmUp.Answers.Keys.Any(answer => answer.Contains("circuit-open"));
        Add(await Measure("breaker open", riders.RegularsAndNewcomers(requests)),
            opened ? null : "the circuit did not open: the library's breaker needs 100 calls within 30 s, far more than this traffic");
        await system.StartPassengersAsync(cancellationToken);
        await ScenarioMeasurement.WaitUntilLiveAsync(api, cancellationToken);

        await system.FreezePassengersAsync(cancellationToken);
        Add(await Measure("frozen", riders.RegularsAndNewcomers(requests)));
        await system.ResumePassengersAsync(cancellationToken);
        // Leave this pipeline's circuit closed, as a switch back to it should find it.
        await ScenarioMeasurement.WaitUntilLiveAsync(api, cancellationToken);
        return results;
    }

    private const int HealthyWarmUp = 5;
    private const int BreakerWarmUp = 8;

    // Trips' own deadline on every request it serves is not the pipeline's doing, and a benchmark against the
    // running system cannot raise it: say so where it answered instead of the pipeline.
    private static string? DeadlineNote(ScenarioResult result) =>
        result.Answers.Keys.Any(answer => answer.EndsWith(RequestDeadlineTitle))
            ? $"\"{RequestDeadlineTitle}\" is Trips' own request deadline (RequestTimeouts:Default, 10 s) answering before the pipeline " +
              "gave up (the library's total timeout is 30 s): 503 problem+json with Retry-After, and no fallback, whoever the passenger"
            : null;

    private const string RequestDeadlineTitle = "The request took too long";

    // Every rider makes one measured request, so neither should ever show; if one does, it is not the pipeline's.
    private static string? OwnDoingNote(ScenarioResult result) =>
        result.Answers.Keys.Any(answer => answer.StartsWith("409 ") || answer.StartsWith("429 "))
            ? "a 409 (a trip already open) or a 429 (the per-caller rate limit, RateLimits:PermitLimit per RateLimits:Window) is not the " +
              "pipeline's answer: each rider made one measured request (a regular two, with its verification), so another client acting as " +
              "the same accounts, or a PermitLimit below 2, caused it"
            : null;
}
