using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TaxiHailing.Benchmarks;

/// <summary>
/// The running system as the partial-failure benchmark drives it: Passengers through the AppHost's control API,
/// Trips' pipeline to Passengers through Trips' Development admin API, as an operator. It remembers how it found
/// them, so that <see cref="RestoreAsync"/> can leave them so.
/// </summary>
internal sealed class RunningSystem : IDisposable
{
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(90);
    // The standard resilience handler's; the settings Trips shows are the tuned pipeline's.
    private static readonly TimeSpan LibrarySamplingDuration = TimeSpan.FromSeconds(30);
    private readonly HttpClient _control;
    private readonly HttpClient _trips;
    private readonly HttpClient _passengers;
    private Account? _operator;

    private RunningSystem(PartialFailureOptions options)
    {
        _control = new HttpClient { BaseAddress = options.AppHostUrl, Timeout = TimeSpan.FromSeconds(30) };
        _trips = new HttpClient { BaseAddress = options.TripsUrl, Timeout = TimeSpan.FromSeconds(60) };
        _passengers = new HttpClient { BaseAddress = options.PassengersUrl, Timeout = TimeSpan.FromSeconds(10) };
        Api = new TaxiApi(options.TripsUrl, options.PassengersUrl, TimeSpan.FromSeconds(60));
    }

    /// <summary>The public APIs, as passengers use them.</summary>
    public TaxiApi Api { get; }

    /// <summary>The pipeline Trips used for Passengers before the benchmark switched it.</summary>
    public string OriginalPipeline { get; private set; } = "";

    /// <summary>How far back the circuit breaker of <see cref="OriginalPipeline"/> counts calls.</summary>
    public TimeSpan OriginalSamplingDuration { get; private set; }

    /// <summary>Checks that everything the benchmark needs is there and Passengers is healthy and unhurt.</summary>
    public static async Task<RunningSystem> ConnectAsync(PartialFailureOptions options, CancellationToken cancellationToken)
    {
        var system = new RunningSystem(options);
        try
        {
            var state = await system.PassengersStateAsync(cancellationToken);
            if (state != "Healthy") throw new SystemNotReadyException($"passengers is {state}; the benchmark starts from a healthy passengers.");
            system._operator = await system.Api.SignInAsync("operator", cancellationToken);
            var dependency = await system.TripsDependencyAsync(cancellationToken);
            system.OriginalPipeline = dependency["pipeline"]!.GetValue<string>();
            system.OriginalSamplingDuration = system.OriginalPipeline == "tuned"
                ? TimeSpan.Parse(dependency["settings"]!["breakerSamplingDuration"]!.GetValue<string>(), CultureInfo.InvariantCulture)
                : LibrarySamplingDuration;
            if (dependency["faults"]!.AsObject().Any(fault => fault.Value!.GetValue<double>() != 0))
            {
                throw new SystemNotReadyException($"faults are injected into Trips' calls to passengers ({dependency["faults"]!.ToJsonString()}); " +
                    $"reset them first, as an operator: curl -X DELETE {options.TripsUrl}admin/dependencies/passengers/faults -H \"Authorization: Bearer " +
                    $"$(curl -s {options.TripsUrl}dev/tokens -H 'content-type: application/json' -d '{{\"role\":\"operator\"}}' | jq -r .accessToken)\"");
            }

            await Reachable(() => system._passengers.GetAsync("/health", cancellationToken), "passengers", options.PassengersUrl, "--passengers-url");
            return system;
        }
        catch
        {
            system.Dispose();
            throw;
        }
    }

    public Task StopPassengersAsync(CancellationToken cancellationToken) => CommandAsync("stop", cancellationToken);

    public Task FreezePassengersAsync(CancellationToken cancellationToken) => CommandAsync("freeze", cancellationToken);

    public Task ResumePassengersAsync(CancellationToken cancellationToken) => CommandAsync("resume", cancellationToken);

    /// <summary>Starts Passengers and waits until the AppHost finds it healthy (start itself answers at once).</summary>
    public async Task StartPassengersAsync(CancellationToken cancellationToken)
    {
        await CommandAsync("start", cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(HealthyWithin);
        try
        {
            while (await PassengersStateAsync(deadline.Token) != "Healthy") await Task.Delay(200, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SystemNotReadyException($"passengers was not healthy within {HealthyWithin.TotalSeconds:0} s of being started.");
        }
    }

    /// <summary>Sends Trips' calls to Passengers through "tuned" or "library-defaults" from now on.</summary>
    public async Task SwitchPipelineAsync(string pipeline, CancellationToken cancellationToken)
    {
        using var request = AsOperator(HttpMethod.Put, "/admin/dependencies/passengers/pipeline");
        request.Content = new StringContent($$"""{ "pipeline": "{{pipeline}}" }""", Encoding.UTF8, "application/json");
        using var response = await _trips.SendAsync(request, cancellationToken);
        await EnsureAsync(response, $"switching Trips' pipeline to {pipeline}", cancellationToken);
    }

    /// <summary>Passengers running and Trips' pipeline as they were, whatever happened; never throws.</summary>
    public async Task RestoreAsync()
    {
        using var patience = new CancellationTokenSource(HealthyWithin + TimeSpan.FromSeconds(30));
        try
        {
            var state = await PassengersStateAsync(patience.Token);
            if (state == "Frozen") await ResumePassengersAsync(patience.Token);
            if (state is "Stopped" or "Exited" or "Failed") await StartPassengersAsync(patience.Token);
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"Could not bring passengers back: {exception.Message}. Start it yourself: curl -X POST {_control.BaseAddress}api/resources/passengers/start");
        }

        try
        {
            await SwitchPipelineAsync(OriginalPipeline, patience.Token);
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"Could not switch Trips' pipeline back to {OriginalPipeline}: {exception.Message}.");
        }
    }

    private async Task<string> PassengersStateAsync(CancellationToken cancellationToken)
    {
        using var response = await Reachable(() => _control.GetAsync("/api/resources/passengers", cancellationToken), "the AppHost's control API", _control.BaseAddress!, "--apphost-url");
        await EnsureAsync(response, "asking the AppHost's control API for passengers", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["state"]!.GetValue<string>();
    }

    private async Task<JsonObject> TripsDependencyAsync(CancellationToken cancellationToken)
    {
        using var request = AsOperator(HttpMethod.Get, "/admin/dependencies");
        using var response = await Reachable(() => _trips.SendAsync(request, cancellationToken), "trips", _trips.BaseAddress!, "--trips-url");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SystemNotReadyException($"Trips at {_trips.BaseAddress} has no admin API (GET /admin/dependencies answered 404): it serves it in " +
                "Development only. Start the AppHost in Development: dotnet run --project TaxiHailing.AppHost (its launch profile sets DOTNET_ENVIRONMENT=Development).");
        }

        await EnsureAsync(response, "reading Trips' dependencies", cancellationToken);
        var dependencies = (await response.Content.ReadFromJsonAsync<JsonArray>(cancellationToken))!;
        return dependencies.Select(dependency => dependency!.AsObject()).FirstOrDefault(dependency => dependency["name"]!.GetValue<string>() == "passengers")
            ?? throw new SystemNotReadyException($"Trips at {_trips.BaseAddress} has no dependency named passengers.");
    }

    private HttpRequestMessage AsOperator(HttpMethod method, string path) =>
        TaxiApi.Authorized(method, new Uri(_trips.BaseAddress!, path), _operator ?? throw new InvalidOperationException("Not connected."));

    private async Task CommandAsync(string command, CancellationToken cancellationToken)
    {
        using var response = await _control.PostAsync($"/api/resources/passengers/{command}", null, cancellationToken);
        await EnsureAsync(response, $"{command} passengers", cancellationToken);
    }

    private static Task<HttpResponseMessage> Reachable(Func<Task<HttpResponseMessage>> send, string what, Uri where, string option) =>
        TaxiApi.ReachAsync(send, what, where, option);

    private static Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken) =>
        TaxiApi.EnsureAsync(response, what, cancellationToken);

    public void Dispose()
    {
        _control.Dispose();
        _trips.Dispose();
        _passengers.Dispose();
        Api.Dispose();
    }
}
