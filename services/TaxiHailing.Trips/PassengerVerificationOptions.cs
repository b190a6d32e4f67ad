using Microsoft.Extensions.Options;

namespace TaxiHailing.Trips;

/// <summary>The fallback when the Passengers service cannot answer (section "PassengerVerification").</summary>
public sealed class PassengerVerificationOptions
{
    public const string Section = "PassengerVerification";

    /// <summary>
    /// How long a passenger's last live verification lets them ride while the Passengers service cannot answer;
    /// zero turns the fallback off. A day: riders come back within days, and a suspension made during an outage
    /// of the Passengers service is the only thing that can slip through, for at most this long.
    /// </summary>
    public TimeSpan CacheTimeToLive { get; set; } = TimeSpan.FromDays(1);
}

public sealed class PassengerVerificationOptionsValidator : IValidateOptions<PassengerVerificationOptions>
{
    private static readonly TimeSpan MaxTimeToLive = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, PassengerVerificationOptions options) =>
        options.CacheTimeToLive < TimeSpan.Zero || options.CacheTimeToLive > MaxTimeToLive
            ? ValidateOptionsResult.Fail($"{PassengerVerificationOptions.Section}:CacheTimeToLive must be between 0 (no fallback) and {MaxTimeToLive}; it is {options.CacheTimeToLive}.")
            : ValidateOptionsResult.Success;
}
