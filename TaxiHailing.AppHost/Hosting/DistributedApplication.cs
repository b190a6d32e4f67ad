using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TaxiHailing.Hosting;

/// <summary>
/// The running application model: starts every resource once what it waits for is healthy, reports state,
/// and stops everything in reverse dependency order.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IReadOnlyList<ResourceRunner> _runners;
    private readonly RunContext _context;
    private readonly CancellationTokenSource _stopping = new();
    private ControlApi? _control;
    private bool _stopped;

    internal DistributedApplication(IReadOnlyList<Resource> resources, DistributedApplicationOptions options)
    {
        _context = new RunContext(options, new ResourceConsole(options.EchoOutput));
        _runners = resources.Select(resource => resource.CreateRunner(_context)).ToList();
        _context.RunnerOf = resource => _runners.Single(runner => runner.Resource == resource);
        if (_runners.Count > 0) _context.Console.Track(_runners);
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) =>
        new(args, DistributedApplicationTestingBuilder.Current);

    /// <summary>Where the AppHost's control API listens (see <see cref="ControlApi"/>), once the application has started.</summary>
    public Uri ControlApiEndpoint => _control?.Endpoint ?? throw new InvalidOperationException("The control API starts with the application.");

    internal IReadOnlyList<ResourceRunner> Runners => _runners;

    /// <summary>
    /// Starts the control API, then every resource, and returns once all are healthy; throws
    /// <see cref="ResourceFailedException"/> on the first failure.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        _control = await ControlApi.StartAsync(this, _context.Options.ControlPort ?? 0);
        _context.Console.ControlApi = _control.Endpoint;
        foreach (var runner in _runners) _ = Orchestration.RunAsync(runner, _stopping.Token);

        var pending = _runners.Select(runner => runner.Healthy).ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).WaitAsync(linked.Token);
            await done; // rethrows the first failure, with the resource's reason and last log lines
            pending.Remove(done);
        }

        _context.Console.ShowTable();
    }

    /// <summary>Runs until Ctrl+C or SIGTERM, then stops everything; exits non-zero when a resource failed to start.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync()
    {
        if (DistributedApplicationTestingBuilder.Current is not null) return; // under tests the test starts the model itself
        using var shutdown = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) => { e.Cancel = true; shutdown.Cancel(); };
        Console.CancelKeyPress += onCtrlC;
        using var onSigTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; shutdown.Cancel(); });
        var clock = Stopwatch.StartNew();
        try
        {
            await StartAsync(shutdown.Token);
            _context.Console.Info($"All resources are healthy after {clock.Elapsed.TotalSeconds:0.0} s. Press Ctrl+C to stop.");
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
        }
        catch (ResourceFailedException failure)
        {
            _context.Console.Error(failure.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
            _context.Console.Info("Stopping...");
            await DisposeAsync();
            _context.Console.Info("Stopped.");
        }
    }

    /// <summary>Stops every resource, dependents before what they depend on.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        if (_control is not null) await _control.DisposeAsync();
        await _stopping.CancelAsync();
        _context.Console.Stopping();
        foreach (var level in _runners.GroupBy(Orchestration.DepthOf).OrderByDescending(level => level.Key))
        {
            await Task.WhenAll(level.Select(Orchestration.StopAsync));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var runner in _runners) await runner.DisposeAsync();
        _stopping.Dispose();
    }

    public Uri GetEndpoint(string resourceName) =>
        (RunnerNamed(resourceName) as ProjectRunner)?.Endpoint
        ?? throw new InvalidOperationException($"Resource '{resourceName}' has no HTTP endpoint.");

    public HttpClient CreateHttpClient(string resourceName) => new() { BaseAddress = GetEndpoint(resourceName) };

    public string GetConnectionString(string resourceName) =>
        RunnerNamed(resourceName).ReferenceEnvironment().FirstOrDefault(variable => variable.Key.StartsWith("ConnectionStrings__")).Value
        ?? throw new InvalidOperationException($"Resource '{resourceName}' has no connection string.");

    public ResourceState GetResourceState(string resourceName) => RunnerNamed(resourceName).State;

    public IReadOnlyList<string> GetResourceLogs(string resourceName) => RunnerNamed(resourceName).Logs.All();

    /// <summary>Waits until the resource is healthy; on timeout or failure, the exception carries its last log lines.</summary>
    public async Task WaitForResourceHealthyAsync(string resourceName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var runner = RunnerNamed(resourceName);
        try
        {
            await runner.Healthy.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new ResourceFailedException(resourceName, $"not healthy within {timeout.TotalSeconds:0.#} s (state {runner.State})", runner.Logs.Tail(20));
        }
    }

    public async Task StopResourceAsync(string resourceName) => await Orchestration.StopAsync(RunnerNamed(resourceName));

    /// <summary>Starts a stopped resource again (same address); wait for it with <see cref="WaitForResourceHealthyAsync"/>.</summary>
    public Task StartResourceAsync(string resourceName)
    {
        var runner = RunnerNamed(resourceName);
        if (runner.State is not (ResourceState.Stopped or ResourceState.Exited or ResourceState.Failed))
        {
            throw new InvalidOperationException($"Resource '{resourceName}' is {runner.State}; only a stopped, exited or failed resource can be started.");
        }

        _ = Orchestration.RunAsync(runner, _stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Freezes a healthy resource's process (SIGSTOP): it keeps its address and connections but answers nothing,
    /// like a hung service. <see cref="ResumeResourceAsync"/> lets it run on.
    /// </summary>
    public Task FreezeResourceAsync(string resourceName)
    {
        var runner = RunnerNamed(resourceName);
        if (runner.Child is not { } process || runner.State != ResourceState.Healthy)
        {
            throw new InvalidOperationException($"Resource '{resourceName}' is {runner.State}; only a healthy process resource can be frozen.");
        }

        process.Freeze();
        runner.SetState(ResourceState.Frozen);
        return Task.CompletedTask;
    }

    /// <summary>Lets a frozen resource run on (SIGCONT); it is healthy again at once, as nothing of it was lost.</summary>
    public Task ResumeResourceAsync(string resourceName)
    {
        var runner = RunnerNamed(resourceName);
        if (runner.State != ResourceState.Frozen)
        {
            throw new InvalidOperationException($"Resource '{resourceName}' is {runner.State}, not frozen.");
        }

        runner.Child!.Resume();
        runner.SetState(ResourceState.Healthy);
        return Task.CompletedTask;
    }

    private ResourceRunner RunnerNamed(string name) =>
        _runners.FirstOrDefault(runner => runner.Name == name)
        ?? throw new ArgumentException($"The model has no resource named '{name}'. It has: {string.Join(", ", _runners.Select(r => r.Name))}.", nameof(name));
}
