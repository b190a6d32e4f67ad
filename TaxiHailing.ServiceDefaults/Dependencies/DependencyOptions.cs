using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Which resilience pipeline guards the calls to a dependency: "tuned" or "library-defaults" in JSON, Tuned or
/// LibraryDefaults in configuration.
/// </summary>
public enum DependencyPipeline
{
    /// <summary>Ours: every number below applies, faults can be injected.</summary>
    [JsonStringEnumMemberName("tuned")]
    Tuned,

    /// <summary>
    /// The library's standard strategies with their own defaults, none of the numbers below and no injected faults:
    /// only for comparing the two (the partial-failure benchmark switches to it at run time).
    /// </summary>
    [JsonStringEnumMemberName("library-defaults")]
    LibraryDefaults,
}

/// <summary>
/// How calls to one synchronous HTTP dependency are guarded (section "Dependencies:{name}"). The defaults suit an
/// interactive call to a service on the same network that answers in milliseconds; docs/partial-failure.md gives
/// the reason for each.
/// </summary>
public sealed class DependencyOptions
{
    public const string Section = "Dependencies";

    /// <summary>The pipeline at start; in Development the admin endpoint switches it while the service runs.</summary>
    public DependencyPipeline Pipeline { get; set; } = DependencyPipeline.Tuned;

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the whole call may take, retries and their delays included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Retries after the first attempt; only requests that are safe to repeat (GET, HEAD, ...) are retried.</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>The first retry's delay; each further one doubles it, and every delay is jittered.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The share of failed attempts within the sampling duration that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many attempts the sampling duration must hold before the ratio counts.</summary>
    public int BreakerMinimumThroughput { get; set; } = 5;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an open circuit refuses calls before one probe may pass.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Calls that may be outstanding at once; the next ones wait in the queue or are refused at once.</summary>
    public int MaxConcurrentRequests { get; set; } = 20;

    public int QueueLimit { get; set; }

    /// <summary>Faults injected into the calls (all off by default); the admin endpoint changes them at run time.</summary>
    public FaultSettings Faults { get; set; } = new();
}

public sealed class DependencyOptionsValidator : IValidateOptions<DependencyOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinBreakerWindow = TimeSpan.FromMilliseconds(501);

    public ValidateOptionsResult Validate(string? name, DependencyOptions options)
    {
        var key = $"{DependencyOptions.Section}:{name}";
        List<string> failures = [];
        void Check(bool valid, string setting, string rule, object value)
        {
            if (!valid) failures.Add($"{key}:{setting} {rule}; it is {value}.");
        }

        Check(options.AttemptTimeout >= MinTimeout && options.AttemptTimeout <= MaxTimeout, "AttemptTimeout", $"must be between {MinTimeout} and {MaxTimeout}", options.AttemptTimeout);
        Check(options.TotalTimeout >= options.AttemptTimeout && options.TotalTimeout <= MaxTimeout, "TotalTimeout", $"must be at least AttemptTimeout and at most {MaxTimeout}", options.TotalTimeout);
        Check(options.MaxRetries is >= 0 and <= 10, "MaxRetries", "must be between 0 and 10", options.MaxRetries);
        Check(options.RetryBaseDelay >= TimeSpan.Zero && options.RetryBaseDelay <= MaxTimeout, "RetryBaseDelay", $"must be between 0 and {MaxTimeout}", options.RetryBaseDelay);
        Check(options.BreakerFailureRatio is > 0 and <= 1, "BreakerFailureRatio", "must be greater than 0 and at most 1", options.BreakerFailureRatio);
        Check(options.BreakerMinimumThroughput >= 2, "BreakerMinimumThroughput", "must be at least 2", options.BreakerMinimumThroughput);
        Check(options.BreakerSamplingDuration >= MinBreakerWindow, "BreakerSamplingDuration", $"must be longer than 0.5 s", options.BreakerSamplingDuration);
        Check(options.BreakDuration >= MinBreakerWindow, "BreakDuration", $"must be longer than 0.5 s", options.BreakDuration);
        Check(options.MaxConcurrentRequests >= 1, "MaxConcurrentRequests", "must be at least 1", options.MaxConcurrentRequests);
        Check(options.QueueLimit >= 0, "QueueLimit", "must not be negative", options.QueueLimit);
        failures.AddRange(options.Faults.Validate().Select(error => $"{key}:Faults:{error.Setting} {error.Error}"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
