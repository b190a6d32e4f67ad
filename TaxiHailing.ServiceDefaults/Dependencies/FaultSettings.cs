using System.Text.Json;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The faults injected into the calls to one dependency, each at its own rate (0 = never, 1 = every call): added
/// latency, an error answer (503) instead of the call, or a hang that lasts until a timeout gives up.
/// </summary>
public sealed record FaultSettings
{
    public const int MaxLatencyMs = 600_000;

    public int LatencyMs { get; init; }
    public double LatencyRate { get; init; }
    public double ErrorRate { get; init; }
    public double HangRate { get; init; }

    /// <summary>What is wrong with these settings, by setting name.</summary>
    public IEnumerable<(string Setting, string Error)> Validate()
    {
        if (LatencyMs is < 0 or > MaxLatencyMs) yield return (nameof(LatencyMs), $"must be between 0 and {MaxLatencyMs}; it is {LatencyMs}.");
        if (LatencyRate > 0 && LatencyMs == 0) yield return (nameof(LatencyMs), "must be greater than 0 when LatencyRate is.");
        (string, double)[] rates = [(nameof(LatencyRate), LatencyRate), (nameof(ErrorRate), ErrorRate), (nameof(HangRate), HangRate)];
        foreach (var (setting, rate) in rates)
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate)) yield return (setting, $"must be between 0 and 1; it is {rate}.");
        }
    }
}

/// <summary>The body of PUT /admin/dependencies/{name}/faults: a missing field means that fault is off.</summary>
public sealed record FaultSettingsBody(int? LatencyMs, double? LatencyRate, double? ErrorRate, double? HangRate) : IValidatedBody, IExampleBody<FaultSettingsBody>
{
    /// <summary>Half the calls 800 ms late, one in ten failing.</summary>
    public static FaultSettingsBody Example { get; } = new(800, 0.5, 0.1, null);

    public FaultSettings ToSettings() => new()
    {
        LatencyMs = LatencyMs ?? 0,
        LatencyRate = LatencyRate ?? 0,
        ErrorRate = ErrorRate ?? 0,
        HangRate = HangRate ?? 0,
    };

    public IEnumerable<(string Field, string Error)> Validate() =>
        ToSettings().Validate().Select(error => (JsonNamingPolicy.CamelCase.ConvertName(error.Setting), $"The value {error.Error}"));
}
