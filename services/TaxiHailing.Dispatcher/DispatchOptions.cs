using Microsoft.Extensions.Options;

namespace TaxiHailing.Dispatcher;

/// <summary>How the Dispatcher offers trips to drivers and chooses among them (section "Dispatch").</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>The farthest a driver may be from the pickup to be offered the trip: the last round's radius.</summary>
    public double MaxPickupKm { get; set; } = 10;

    /// <summary>The speed the pickup ETA assumes, over the great-circle distance.</summary>
    public double AverageSpeedKmh { get; set; } = 25;

    /// <summary>The first round's search radius; each further round doubles it, up to <see cref="MaxPickupKm"/>.</summary>
    public double FirstOfferRadiusKm { get; set; } = 2.5;

    /// <summary>How many rounds of offers a trip gets before it is unserved.</summary>
    public int OfferRounds { get; set; } = 3;

    /// <summary>How many drivers, nearest first, one round offers the trip to.</summary>
    public int DriversPerOffer { get; set; } = 3;

    /// <summary>How long drivers have to answer an offer; a round ends sooner when every driver has answered.</summary>
    public double OfferWindowSeconds { get; set; } = 8;

    /// <summary>How long the Drivers service has to confirm the chosen driver before the next acceptance is tried.</summary>
    public double ConfirmationTimeoutSeconds { get; set; } = 3;

    public TimeSpan OfferWindow => TimeSpan.FromSeconds(OfferWindowSeconds);

    public TimeSpan ConfirmationTimeout => TimeSpan.FromSeconds(ConfirmationTimeoutSeconds);

    /// <summary>The search radius of round <paramref name="round"/> (from 1).</summary>
    public double RadiusKm(int round) => Math.Min(FirstOfferRadiusKm * Math.Pow(2, round - 1), MaxPickupKm);
}

public sealed class DispatchOptionsValidator : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options)
    {
        const string section = DispatchOptions.Section;
        List<string> failures = [];
        // The relational patterns are false for NaN, so a NaN fails every one of these checks.
        var maxPickupKmIsValid = options.MaxPickupKm is > 0 and <= 1_000;
        if (!maxPickupKmIsValid)
        {
            failures.Add($"{section}:MaxPickupKm must be a distance greater than 0 and at most 1000; it is {options.MaxPickupKm}.");
        }

        if (options.AverageSpeedKmh is not (> 0 and <= 500))
        {
            failures.Add($"{section}:AverageSpeedKmh must be a speed greater than 0 and at most 500; it is {options.AverageSpeedKmh}.");
        }

        if (options.FirstOfferRadiusKm is not > 0 || (maxPickupKmIsValid && options.FirstOfferRadiusKm > options.MaxPickupKm))
        {
            failures.Add($"{section}:FirstOfferRadiusKm must be greater than 0 and at most MaxPickupKm ({options.MaxPickupKm}); it is {options.FirstOfferRadiusKm}.");
        }

        if (options.OfferRounds is < 1 or > 10)
        {
            failures.Add($"{section}:OfferRounds must be between 1 and 10; it is {options.OfferRounds}.");
        }

        if (options.DriversPerOffer is < 1 or > 50)
        {
            failures.Add($"{section}:DriversPerOffer must be between 1 and 50; it is {options.DriversPerOffer}.");
        }

        if (options.OfferWindowSeconds is not (> 0 and <= 300))
        {
            failures.Add($"{section}:OfferWindowSeconds must be greater than 0 and at most 300; it is {options.OfferWindowSeconds}.");
        }

        if (options.ConfirmationTimeoutSeconds is not (> 0 and <= 60))
        {
            failures.Add($"{section}:ConfirmationTimeoutSeconds must be greater than 0 and at most 60; it is {options.ConfirmationTimeoutSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
