using Microsoft.Extensions.Options;

namespace TaxiHailing.Drivers;

/// <summary>What drivers may take on a trip (section "DriverTrips").</summary>
public sealed class DriverTripOptions
{
    public const string Section = "DriverTrips";

    /// <summary>
    /// A driver who has not picked the passenger up this long after being assigned is let go of the trip, and the trip
    /// ends unserved: a passenger kept waiting longer is better told, and the driver is given other trips.
    /// </summary>
    public TimeSpan PickupTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class DriverTripOptionsValidator : IValidateOptions<DriverTripOptions>
{
    private static readonly TimeSpan Max = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, DriverTripOptions options) =>
        options.PickupTimeout <= TimeSpan.Zero || options.PickupTimeout > Max
            ? ValidateOptionsResult.Fail($"{DriverTripOptions.Section}:PickupTimeout must be greater than 0 and at most {Max}; it is {options.PickupTimeout}.")
            : ValidateOptionsResult.Success;
}
