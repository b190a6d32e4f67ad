using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Microsoft.Extensions.Hosting;

/// <summary>The name of a synchronous HTTP dependency this service calls, registered by AddHttpDependency.</summary>
internal sealed record DependencyName(string Value);

/// <summary>Every dependency of this service, with what can be seen and changed of it while it runs.</summary>
public sealed class DependencyRegistry
{
    private readonly Dictionary<string, Dependency> _dependencies;

    internal DependencyRegistry(IEnumerable<DependencyName> names, IOptionsMonitor<DependencyOptions> options) =>
        _dependencies = names.Distinct().ToDictionary(name => name.Value, name => new Dependency(name.Value, options), StringComparer.OrdinalIgnoreCase);

    public IEnumerable<Dependency> All => _dependencies.Values;

    public Dependency? Find(string name) => _dependencies.GetValueOrDefault(name);

    public Dependency Get(string name) =>
        Find(name) ?? throw new InvalidOperationException($"'{name}' is not a registered dependency; register it with AddHttpDependency.");
}

/// <summary>One dependency: its settings, its circuit, the pipeline its calls go through and the faults injected into them.</summary>
public sealed class Dependency(string name, IOptionsMonitor<DependencyOptions> options)
{
    private const int NotSwitched = -1;
    private FaultSettings? _injected;
    private int _switchedTo = NotSwitched;

    public string Name { get; } = name;

    public DependencyOptions Options => options.Get(Name);

    internal CircuitBreakerStateProvider Circuit { get; } = new();

    /// <summary>The pipeline the next call goes through: the one switched to last, else the configured one.</summary>
    public DependencyPipeline Pipeline =>
        Volatile.Read(ref _switchedTo) is var switchedTo and not NotSwitched ? (DependencyPipeline)switchedTo : Options.Pipeline;

    /// <summary>Sends the calls that start from now on through <paramref name="pipeline"/>; calls under way finish where they are.</summary>
    public void SwitchPipeline(DependencyPipeline pipeline) => Volatile.Write(ref _switchedTo, (int)pipeline);

    /// <summary>
    /// The tuned pipeline's circuit: "closed" (also before the first call), "open", "half-open", or "not-tracked"
    /// while calls go through the library's defaults.
    /// </summary>
    public string CircuitState => Pipeline != DependencyPipeline.Tuned
        ? "not-tracked"
        : Circuit.CircuitState switch
        {
            Polly.CircuitBreaker.CircuitState.Closed => "closed",
            Polly.CircuitBreaker.CircuitState.HalfOpen => "half-open",
            _ => "open",
        };

    /// <summary>What is injected now: what the admin endpoint set last, else what the configuration says.</summary>
    public FaultSettings Faults => Volatile.Read(ref _injected) ?? Options.Faults;

    /// <summary>Overrides the configured faults until <see cref="ResetFaults"/>.</summary>
    public void InjectFaults(FaultSettings faults) => Volatile.Write(ref _injected, faults);

    public void ResetFaults() => Volatile.Write(ref _injected, null);
}
