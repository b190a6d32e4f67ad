namespace TaxiHailing.Hosting;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Healthy,
    Failed,
    Exited,
    Stopping,
    Stopped,

    /// <summary>Its processes are stopped by SIGSTOP: alive, holding their ports, answering nothing.</summary>
    Frozen,
}

/// <summary>What every runner of one application shares.</summary>
internal sealed class RunContext(DistributedApplicationOptions options, ResourceConsole console)
{
    public DistributedApplicationOptions Options { get; } = options;
    public ResourceConsole Console { get; } = console;
    public Func<IResource, ResourceRunner> RunnerOf { get; set; } = _ => throw new InvalidOperationException("Runners are not wired yet.");
}

/// <summary>The running side of one resource: its state, address, logs, and how to start, probe and stop it.</summary>
internal abstract class ResourceRunner(Resource resource, RunContext context)
{
    private TaskCompletionSource _healthy = NewSignal();
    private TaskCompletionSource _started = NewSignal();

    public Resource Resource { get; } = resource;
    public RunContext Context { get; } = context;
    public string Name => Resource.Name;
    public abstract string Kind { get; }
    public ResourceState State { get; private set; } = ResourceState.NotStarted;
    public string? StateDetail { get; private set; }
    public LogBuffer Logs { get; } = new();

    /// <summary>Where the resource is, as shown in the resource table; known once it has started.</summary>
    public virtual string Address => "";

    /// <summary>Completes when the resource is healthy; faults when it fails before that.</summary>
    public Task Healthy => _healthy.Task;

    /// <summary>Completes when the resource's address is known.</summary>
    public Task Started => _started.Task;

    /// <summary>The variables a process that references this resource receives.</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> ReferenceEnvironment();

    /// <summary>Starts the resource; returns when its address is known.</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    /// <summary>One health probe; null when healthy, else what is wrong.</summary>
    public abstract Task<string?> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>A message when the resource has stopped by itself (a process that exited), else null.</summary>
    public virtual string? Ended => null;

    /// <summary>Completes when a started resource ends by itself; resources that cannot end never complete.</summary>
    public virtual Task WhenEnded(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    public abstract Task StopAsync(CancellationToken cancellationToken);

    /// <summary>The process the resource runs as, for resources that are one; null otherwise.</summary>
    public virtual ChildProcess? Child => null;

    /// <summary>Releases what outlives a stop (temporary data, native handles), once the application ends.</summary>
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void SetState(ResourceState state, string? detail = null)
    {
        State = state;
        StateDetail = detail;
        switch (state)
        {
            case ResourceState.Running:
                _started.TrySetResult();
                break;
            case ResourceState.Healthy:
                _started.TrySetResult();
                _healthy.TrySetResult();
                break;
            case ResourceState.Failed:
                var failure = new ResourceFailedException(Name, detail ?? "failed", Logs.Tail(20));
                _started.TrySetException(failure);
                _healthy.TrySetException(failure);
                break;
            case ResourceState.Waiting:
                if (_healthy.Task.IsCompleted) _healthy = NewSignal();
                if (_started.Task.IsCompleted) _started = NewSignal();
                break;
        }

        Context.Console.StateChanged(this);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class ResourceFailedException(string resource, string reason, IReadOnlyList<string> lastLogLines)
    : Exception(Describe(resource, reason, lastLogLines))
{
    public string Resource { get; } = resource;
    public string Reason { get; } = reason;
    public IReadOnlyList<string> LastLogLines { get; } = lastLogLines;

    private static string Describe(string resource, string reason, IReadOnlyList<string> lines) =>
        lines.Count == 0
            ? $"Resource '{resource}' failed: {reason} (it wrote no output)."
            : $"Resource '{resource}' failed: {reason}. Its last log lines:{System.Environment.NewLine}" +
              string.Join(System.Environment.NewLine, lines.Select(line => "  " + line));
}

/// <summary>The most recent output lines of a resource, kept for failure reports and for tests.</summary>
public sealed class LogBuffer
{
    private const int Capacity = 2000;
    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        lock (_lines)
        {
            if (_lines.Count == Capacity) _lines.Dequeue();
            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (_lines) return _lines.Skip(Math.Max(0, _lines.Count - count)).ToList();
    }

    public IReadOnlyList<string> All()
    {
        lock (_lines) return _lines.ToList();
    }
}
