using Microsoft.Extensions.Options;
using TaxiHailing.Contracts;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// The fleet seeded into an empty drivers table at start (section "Fleet"): <see cref="Size"/> drivers scattered
/// uniformly within <see cref="RadiusKm"/> of the centre. The same options always give the same fleet.
/// </summary>
public sealed class FleetOptions
{
    public const string Section = "Fleet";
    public const int MaxSize = 100_000;
    public const double MaxRadiusKm = 1_000;

    public int Size { get; set; } = 50;
    public double RadiusKm { get; set; } = 5;
    public double CenterLat { get; set; } = 51.5074;
    public double CenterLng { get; set; } = -0.1278;
    public int Seed { get; set; } = 1;

    public GeoPoint Center => new(CenterLat, CenterLng);
}

public sealed class FleetOptionsValidator : IValidateOptions<FleetOptions>
{
    public ValidateOptionsResult Validate(string? name, FleetOptions options)
    {
        List<string> failures = [];
        if (options.Size is < 0 or > FleetOptions.MaxSize)
        {
            failures.Add($"{FleetOptions.Section}:Size must be between 0 and {FleetOptions.MaxSize}; it is {options.Size}.");
        }

        // The relational patterns are false for NaN, so a NaN fails every one of these checks.
        if (options.RadiusKm is not (> 0 and <= FleetOptions.MaxRadiusKm))
        {
            failures.Add($"{FleetOptions.Section}:RadiusKm must be greater than 0 and at most {FleetOptions.MaxRadiusKm}; it is {options.RadiusKm}.");
        }

        if (options.CenterLat is not (>= -90 and <= 90))
        {
            failures.Add($"{FleetOptions.Section}:CenterLat must be a latitude between -90 and 90; it is {options.CenterLat}.");
        }

        if (options.CenterLng is not (>= -180 and <= 180))
        {
            failures.Add($"{FleetOptions.Section}:CenterLng must be a longitude between -180 and 180; it is {options.CenterLng}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
