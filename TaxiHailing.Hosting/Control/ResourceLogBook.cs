using System.Collections.Concurrent;

namespace TaxiHailing.Hosting;

/// <summary>
/// Every resource's console lines since the start, read from Aspire's ResourceLoggerService: what a failure report
/// quotes and what tests search. Subscribing early also makes DCP stream each resource's output from its first line.
/// </summary>
public sealed class ResourceLogBook(DistributedApplicationModel model, ResourceLoggerService logger) : IHostedService
{
    private const int LinesKept = 50_000;
    private readonly ConcurrentDictionary<string, List<string>> _lines = new();
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var resource in model.Resources) _ = RecordAsync(resource, _lines.GetOrAdd(resource.Name, _ => []));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> LinesOf(string resource)
    {
        if (!_lines.TryGetValue(resource, out var lines)) return [];
        lock (lines) return [.. lines];
    }

    public IReadOnlyList<string> LastLinesOf(string resource, int count) => [.. LinesOf(resource).TakeLast(count)];

    private async Task RecordAsync(IResource resource, List<string> lines)
    {
        try
        {
            await foreach (var batch in logger.WatchAsync(resource).WithCancellation(_stopping.Token))
            {
                lock (lines)
                {
                    lines.AddRange(batch.Select(line => line.Content));
                    if (lines.Count > LinesKept) lines.RemoveRange(0, lines.Count - LinesKept);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
