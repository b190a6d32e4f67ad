using Microsoft.Extensions.Options;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Trips;

/// <summary>
/// The tariff Trip Management prices completed rides with (section "Fares"): a flag fall, so much a kilometre and a
/// minute, never less than the minimum, times <see cref="XlFactor"/> for an XL car; in <see cref="Currency"/>, rounded
/// to the penny.
/// </summary>
public sealed class FareOptions
{
    public const string Section = "Fares";

    public string Currency { get; set; } = "GBP";
    public decimal BaseFare { get; set; } = 3.00m;
    public decimal PerKm { get; set; } = 1.60m;
    public decimal PerMinute { get; set; } = 0.30m;
    public decimal MinimumFare { get; set; } = 5.00m;
    public decimal XlFactor { get; set; } = 1.50m;

    public Money FareFor(double distanceKm, TimeSpan duration, RideProduct product = RideProduct.Standard)
    {
        var metered = BaseFare + PerKm * (decimal)Math.Max(0, distanceKm) + PerMinute * (decimal)Math.Max(0, duration.TotalMinutes);
        var factor = product == RideProduct.Xl ? XlFactor : 1m;
        return new Money(Math.Round(Math.Max(MinimumFare, metered) * factor, 2, MidpointRounding.AwayFromZero), Currency);
    }
}

public sealed class FareOptionsValidator : IValidateOptions<FareOptions>
{
    public ValidateOptionsResult Validate(string? name, FareOptions options)
    {
        List<string> failures = [];
        if (options.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            failures.Add($"{FareOptions.Section}:Currency must be an ISO 4217 code such as GBP; it is '{options.Currency}'.");
        }

        foreach (var (setting, value) in new[] { ("BaseFare", options.BaseFare), ("PerKm", options.PerKm), ("PerMinute", options.PerMinute), ("MinimumFare", options.MinimumFare) })
        {
            if (value is < 0 or > 1_000) failures.Add($"{FareOptions.Section}:{setting} must be between 0 and 1000; it is {value}.");
        }

        if (options.XlFactor is < 1 or > 5) failures.Add($"{FareOptions.Section}:XlFactor must be between 1 and 5; it is {options.XlFactor}.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
