using System.Diagnostics;

namespace TaxiHailing.Hosting;

/// <summary>The life of one resource: wait for its dependencies, start, probe until healthy, watch until it ends.</summary>
internal static class Orchestration
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    public static async Task RunAsync(ResourceRunner runner, CancellationToken cancellationToken)
    {
        runner.SetState(ResourceState.Waiting);
        foreach (var dependency in runner.Resource.WaitsFor.Select(runner.Context.RunnerOf))
        {
            try
            {
                await dependency.Healthy.WaitAsync(cancellationToken);
            }
            catch (ResourceFailedException)
            {
                runner.SetState(ResourceState.Failed, $"'{dependency.Name}', which it waits for, failed");
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            runner.SetState(ResourceState.Starting);
            await runner.StartAsync(cancellationToken);
            runner.SetState(ResourceState.Running);
            if (await ProbeUntilHealthyAsync(runner, cancellationToken) is { } failure)
            {
                runner.SetState(ResourceState.Failed, failure);
                return;
            }

            runner.SetState(ResourceState.Healthy);
            await runner.WhenEnded(cancellationToken);
            if (runner.State is ResourceState.Healthy or ResourceState.Frozen) runner.SetState(ResourceState.Exited, runner.Ended);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            runner.SetState(ResourceState.Failed, exception.Message);
        }
    }

    /// <summary>Null once healthy; otherwise why it never became healthy.</summary>
    private static async Task<string?> ProbeUntilHealthyAsync(ResourceRunner runner, CancellationToken cancellationToken)
    {
        var timeout = runner.Context.Options.HealthTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (runner.Ended is { } ended) return $"{ended} before it was healthy";
            var problem = await runner.ProbeAsync(cancellationToken);
            if (problem is null) return null;
            if (clock.Elapsed > timeout) return $"not healthy after {timeout.TotalSeconds:0} s; last check: {problem}";
            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }

    public static async Task StopAsync(ResourceRunner runner)
    {
        if (runner.State is ResourceState.NotStarted or ResourceState.Stopped) return;
        var failed = runner.State == ResourceState.Failed;
        // A frozen process could not act on the stop signal.
        if (runner.State == ResourceState.Frozen) runner.Child?.Resume();
        if (!failed) runner.SetState(ResourceState.Stopping);
        await runner.StopAsync(CancellationToken.None);
        if (!failed) runner.SetState(ResourceState.Stopped);
    }

    /// <summary>0 for a resource that needs nothing; otherwise one more than the deepest thing it waits for or references.</summary>
    public static int DepthOf(ResourceRunner runner)
    {
        var dependencies = runner.Resource.WaitsFor.Concat(runner.Resource is ProcessResource process ? process.References : []);
        return dependencies.Select(runner.Context.RunnerOf).Select(DepthOf).DefaultIfEmpty(-1).Max() + 1;
    }
}
