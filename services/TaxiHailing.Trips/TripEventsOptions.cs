using Microsoft.Extensions.Options;

namespace TaxiHailing.Trips;

/// <summary>How a trip's event stream behaves (section "TripEvents").</summary>
public sealed class TripEventsOptions
{
    public const string Section = "TripEvents";

    /// <summary>The longest the stream stays silent: then it sends a comment, so that proxies keep it open.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often it looks for new events by itself, in case a wake-up was missed.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A stream with no new event for this long ends; the phone's EventSource reconnects with Last-Event-ID and
    /// misses nothing. Bounds what a trip that never moves on, or a client that is gone without the connection
    /// noticing, can hold on the server.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class TripEventsOptionsValidator : IValidateOptions<TripEventsOptions>
{
    private static readonly TimeSpan Max = TimeSpan.FromHours(24);

    public ValidateOptionsResult Validate(string? name, TripEventsOptions options)
    {
        List<string> failures = [];
        foreach (var (setting, value) in new[] { ("KeepAliveInterval", options.KeepAliveInterval), ("RecheckInterval", options.RecheckInterval), ("IdleTimeout", options.IdleTimeout) })
        {
            if (value <= TimeSpan.Zero || value > Max) failures.Add($"{TripEventsOptions.Section}:{setting} must be greater than 0 and at most {Max}; it is {value}.");
        }

        if (options.IdleTimeout <= options.KeepAliveInterval)
        {
            failures.Add($"{TripEventsOptions.Section}:IdleTimeout must be longer than KeepAliveInterval; it is {options.IdleTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
