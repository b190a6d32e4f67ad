using Microsoft.Extensions.Options;

namespace TaxiHailing.Dispatcher;

/// <summary>How the Dispatcher matches trips to drivers (section "Dispatch").</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>The farthest a driver may be from the pickup to be given the trip.</summary>
    public double MaxPickupKm { get; set; } = 10;

    /// <summary>The speed the pickup ETA assumes, over the great-circle distance.</summary>
    public double AverageSpeedKmh { get; set; } = 25;
}

public sealed class DispatchOptionsValidator : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options)
    {
        List<string> failures = [];
        if (options.MaxPickupKm is not > 0 || double.IsInfinity(options.MaxPickupKm))
        {
            failures.Add($"{DispatchOptions.Section}:MaxPickupKm must be a distance greater than 0; it is {options.MaxPickupKm}.");
        }

        if (options.AverageSpeedKmh is not > 0 || double.IsInfinity(options.AverageSpeedKmh))
        {
            failures.Add($"{DispatchOptions.Section}:AverageSpeedKmh must be a speed greater than 0; it is {options.AverageSpeedKmh}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
