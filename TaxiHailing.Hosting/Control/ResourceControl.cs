using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaxiHailing.Hosting;

/// <summary>
/// Stop, start, freeze and resume resources by name, and wait for them, over Aspire's ResourceNotificationService and
/// ResourceCommandService: what the control API and the tests do, in one place.
/// </summary>
public sealed class ResourceControl(DistributedApplicationModel model, ResourceNotificationService notifications, ResourceCommandService commands, ResourceLogBook logs)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTime> _startedAt = new();

    public ResourceLogBook Logs { get; } = logs;

    /// <summary>The resources an operator sees, in the model's order (no parameters, nothing hidden).</summary>
    public IEnumerable<IResource> Resources => model.Resources.Where(resource => resource is not ParameterResource && !(Snapshot(resource)?.IsHidden ?? false));

    public IResource? Find(string name) => Resources.FirstOrDefault(resource => resource.Name == name);

    public CustomResourceSnapshot? Snapshot(IResource resource) =>
        notifications.TryGetCurrentState(resource.Name, out var current) ? current.Snapshot : null;

    public ResourceState StateOf(string name) => Find(name) is { } resource ? StateOf(Snapshot(resource)) : throw Unknown(name);

    public static ResourceState StateOf(CustomResourceSnapshot? snapshot) => snapshot?.State?.Text switch
    {
        null or "" => ResourceState.NotStarted,
        ProcessFreezeExtensions.FrozenState => ResourceState.Frozen,
        EmbeddedKafkaExtensions.DownState => ResourceState.Stopped,
        var text when text == KnownResourceStates.Running => snapshot.HealthStatus is null or HealthStatus.Healthy ? ResourceState.Healthy : ResourceState.Running,
        var text when text == KnownResourceStates.Waiting => ResourceState.Waiting,
        var text when text == KnownResourceStates.Stopping => ResourceState.Stopping,
        var text when text == KnownResourceStates.Exited || text == KnownResourceStates.Finished => ResourceState.Stopped,
        var text when text == KnownResourceStates.FailedToStart || text == KnownResourceStates.RuntimeUnhealthy => ResourceState.Failed,
        var text when text == KnownResourceStates.NotStarted => ResourceState.NotStarted,
        _ => ResourceState.Starting,
    };

    /// <summary>Stops a resource and returns once it has stopped; the embedded broker is taken down instead.</summary>
    public async Task StopAsync(string name, CancellationToken cancellationToken = default)
    {
        var resource = Find(name) ?? throw Unknown(name);
        // A frozen process cannot act on the stop signal; let it run first, so that it stops at once.
        if (StateOf(name) == ResourceState.Frozen) await ResumeAsync(name, cancellationToken);
        if (resource is LocalPostgresServerResource server) PostgresFastShutdown.Request(notifications, server);
        await RunAsync(resource, resource is EmbeddedKafkaResource ? EmbeddedKafkaExtensions.TakeDownCommand : KnownResourceCommands.StopCommand, cancellationToken);
        await notifications.WaitForResourceAsync(resource.Name,
            changed => StateOf(changed.Snapshot) is ResourceState.Stopped or ResourceState.Failed, cancellationToken);
    }

    /// <summary>Starts a stopped resource (brings the broker back up); wait for it with <see cref="WaitForHealthyAsync"/>.</summary>
    public Task StartAsync(string name, CancellationToken cancellationToken = default)
    {
        var resource = Find(name) ?? throw Unknown(name);
        _startedAt[name] = DateTime.UtcNow;
        return RunAsync(resource, resource is EmbeddedKafkaResource ? EmbeddedKafkaExtensions.BringUpCommand : KnownResourceCommands.StartCommand, cancellationToken);
    }

    public Task FreezeAsync(string name, CancellationToken cancellationToken = default) =>
        RunAsync(Find(name) ?? throw Unknown(name), ProcessFreezeExtensions.FreezeCommand, cancellationToken);

    public Task ResumeAsync(string name, CancellationToken cancellationToken = default) =>
        RunAsync(Find(name) ?? throw Unknown(name), ProcessFreezeExtensions.ResumeCommand, cancellationToken);

    /// <summary>Waits until the resource is running and healthy; if it fails or runs out of time, says why with its last log lines.</summary>
    public async Task WaitForHealthyAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var resource = Find(name) ?? throw Unknown(name);
        // An exit before the last start is the previous run's; one after it is this run's failure.
        var since = _startedAt.GetValueOrDefault(name, DateTime.MinValue);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        ResourceEvent outcome;
        try
        {
            outcome = await notifications.WaitForResourceAsync(resource.Name,
                changed => StateOf(changed.Snapshot) is ResourceState.Healthy or ResourceState.Failed || ExitedSince(changed.Snapshot, since), deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ResourceFailedException(name, $"not healthy within {timeout.TotalSeconds:0.#} s (state: {StateOf(name)})", Logs.LastLinesOf(name, 20));
        }

        if (StateOf(outcome.Snapshot) == ResourceState.Healthy) return;
        var reason = outcome.Snapshot.ExitCode is { } code ? $"exited with code {code}" : $"{outcome.Snapshot.State?.Text}";
        throw new ResourceFailedException(name, reason, Logs.LastLinesOf(name, 20));
    }

    private static bool ExitedSince(CustomResourceSnapshot snapshot, DateTime since) =>
        StateOf(snapshot) == ResourceState.Stopped && snapshot.ExitCode is not null && snapshot.StopTimeStamp >= since;

    private async Task RunAsync(IResource resource, string command, CancellationToken cancellationToken)
    {
        var result = await commands.ExecuteCommandAsync(resource, command, cancellationToken);
        if (!result.Success) throw new InvalidOperationException($"'{command}' on {resource.Name} failed: {result.Message}");
    }

    private static ArgumentException Unknown(string name) => new($"There is no resource named '{name}'.", nameof(name));
}
