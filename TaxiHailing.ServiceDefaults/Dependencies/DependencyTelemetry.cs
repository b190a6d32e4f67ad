using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What the resilience of a dependency does, as logs (with the dependency's name) and as counters of the
/// "TaxiHailing.Dependencies" meter. Polly's own "resilience.polly.strategy.events" carries the same events,
/// untagged by dependency.
/// </summary>
internal sealed partial class DependencyTelemetry(ILogger<DependencyTelemetry> logger)
{
    public const string MeterName = "TaxiHailing.Dependencies";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> CircuitTransitions = Meter.CreateCounter<long>(
        "taxihailing.dependency.circuit.transitions", description: "Circuit breaker state changes, by dependency and new state.");
    private static readonly Counter<long> FailedCalls = Meter.CreateCounter<long>(
        "taxihailing.dependency.failed_calls",
        description: "Calls that brought no answer, by dependency and reason (circuit-open and concurrency-limit are rejections: never sent).");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "taxihailing.dependency.retries", description: "Attempts repeated after a transient failure, by dependency.");
    private static readonly Counter<long> InjectedFaults = Meter.CreateCounter<long>(
        "taxihailing.dependency.injected_faults", description: "Faults injected into calls, by dependency and fault.");

    public void CircuitOpened(string dependency, TimeSpan breakDuration, string cause)
    {
        LogCircuitOpened(logger, dependency, breakDuration, cause);
        CircuitTransitions.Add(1, Tags(dependency, "state", "open"));
    }

    public void CircuitHalfOpened(string dependency)
    {
        LogCircuitHalfOpened(logger, dependency);
        CircuitTransitions.Add(1, Tags(dependency, "state", "half-open"));
    }

    public void CircuitClosed(string dependency)
    {
        LogCircuitClosed(logger, dependency);
        CircuitTransitions.Add(1, Tags(dependency, "state", "closed"));
    }

    public void CallFailed(string dependency, DependencyFailure reason, string method, string path)
    {
        LogCallFailed(logger, dependency, method, path, reason.Name());
        FailedCalls.Add(1, Tags(dependency, "reason", reason.Name()));
    }

    public void Retrying(string dependency, int attempt, string cause, TimeSpan delay)
    {
        LogRetrying(logger, dependency, attempt, cause, delay.TotalMilliseconds);
        Retries.Add(1, new KeyValuePair<string, object?>("dependency", dependency));
    }

    public void FaultInjected(string dependency, string fault)
    {
        LogFaultInjected(logger, dependency, fault);
        InjectedFaults.Add(1, Tags(dependency, "fault", fault));
    }

    private static ReadOnlySpan<KeyValuePair<string, object?>> Tags(string dependency, string name, string value) =>
        new KeyValuePair<string, object?>[] { new("dependency", dependency), new(name, value) };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit to {Dependency} opened for {BreakDuration} after {Cause}: calls fail fast until then")]
    private static partial void LogCircuitOpened(ILogger logger, string dependency, TimeSpan breakDuration, string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit to {Dependency} half-open: the next call probes it")]
    private static partial void LogCircuitHalfOpened(ILogger logger, string dependency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit to {Dependency} closed: calls flow again")]
    private static partial void LogCircuitClosed(ILogger logger, string dependency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call to {Dependency} {Method} {Path} failed: {Reason}")]
    private static partial void LogCallFailed(ILogger logger, string dependency, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call to {Dependency} retried (retry {Attempt}) after {Cause}, in {DelayMs:0} ms")]
    private static partial void LogRetrying(ILogger logger, string dependency, int attempt, string cause, double delayMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fault injected into a call to {Dependency}: {Fault}")]
    private static partial void LogFaultInjected(ILogger logger, string dependency, string fault);
}
