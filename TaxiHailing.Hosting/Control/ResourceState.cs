namespace TaxiHailing.Hosting;

/// <summary>A resource's state as an operator (or a test) asks about it: Aspire's state text and health in one word.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Healthy,
    Frozen,
    Stopping,
    Stopped,
    Failed,
}

/// <summary>A resource that failed, or did not get healthy in time: why, and its last log lines.</summary>
public sealed class ResourceFailedException(string resource, string reason, IReadOnlyList<string> lastLines)
    : Exception(lastLines.Count == 0
        ? $"Resource '{resource}' failed: {reason}."
        : $"Resource '{resource}' failed: {reason}. Its last log lines:{Environment.NewLine}{string.Join(Environment.NewLine, lastLines.Select(line => "  " + line))}")
{
    public string Resource { get; } = resource;
    public string Reason { get; } = reason;
}
