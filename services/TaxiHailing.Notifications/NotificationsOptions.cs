using Microsoft.Extensions.Options;

namespace TaxiHailing.Notifications;

/// <summary>How the notification streams behave (section "Notifications").</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>How far back a client that sends no Last-Event-ID is shown what it missed.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest a stream stays silent: then it sends a comment, so that proxies keep it open.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often an open stream looks for new notifications by itself, in case a wake-up from LISTEN/NOTIFY was
    /// missed (the listener reconnecting). New notifications normally arrive through LISTEN/NOTIFY at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a stream stays open with nothing to send but keep-alives: then it ends, and the phone reconnects
    /// with Last-Event-ID, missing nothing. Bounds what a forgotten client holds on to.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class NotificationsOptionsValidator : IValidateOptions<NotificationsOptions>
{
    private static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        List<string> failures = [];
        if (options.ReplayWindow < TimeSpan.Zero)
        {
            failures.Add($"{NotificationsOptions.Section}:ReplayWindow must not be negative; it is {options.ReplayWindow}.");
        }

        if (options.KeepAliveInterval <= TimeSpan.Zero || options.KeepAliveInterval > MaxInterval)
        {
            failures.Add($"{NotificationsOptions.Section}:KeepAliveInterval must be greater than 0 and at most {MaxInterval}; it is {options.KeepAliveInterval}.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > MaxInterval)
        {
            failures.Add($"{NotificationsOptions.Section}:PollInterval must be greater than 0 and at most {MaxInterval}; it is {options.PollInterval}.");
        }

        if (options.IdleTimeout <= TimeSpan.Zero || options.IdleTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"{NotificationsOptions.Section}:IdleTimeout must be greater than 0 and at most {TimeSpan.FromDays(1)}; it is {options.IdleTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
