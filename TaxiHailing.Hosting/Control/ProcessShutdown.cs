namespace TaxiHailing.Hosting;

/// <summary>
/// When the AppHost stops, signals every process resource at once and waits (at most 5 s) for them to exit, before
/// Aspire's own shutdown hands them to DCP, which otherwise takes five to six seconds to stop them. Registered after
/// Aspire's services, so it stops before them. PostgreSQL gets its fast shutdown signal (SIGINT).
/// </summary>
internal sealed class ProcessShutdown(ResourceControl control) : IHostedService
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var signalled = new List<int>();
        foreach (var resource in control.Resources.Where(resource => resource is ProjectResource or ExecutableResource))
        {
            if (control.Snapshot(resource) is not { } snapshot || ProcessFreezeExtensions.ProcessId(snapshot) is not { } pid) continue;
            var tree = Posix.ProcessTree(pid);
            foreach (var process in tree) Posix.Signal(process, Posix.SigCont); // a frozen process could not act on the signal
            Posix.Signal(pid, PostgresFastShutdown.StopSignalOf(resource));
            signalled.Add(pid);
        }

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(Grace);
        try
        {
            while (signalled.Any(Posix.IsRunning)) await Task.Delay(50, grace.Token);
        }
        catch (OperationCanceledException)
        {
            // DCP stops whatever is left.
        }
    }
}
