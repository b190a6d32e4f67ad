namespace TaxiHailing.Dispatcher;

/// <summary>How long a driver takes to reach the pickup, in whole seconds.</summary>
public static class PickupEta
{
    /// <summary>Even a driver at the kerb needs a minute to pull in: no ETA is shorter.</summary>
    public const int MinimumSeconds = 60;

    public static int Seconds(double distanceKm, double averageSpeedKmh)
    {
        var seconds = Math.Round(distanceKm / averageSpeedKmh * 3600, MidpointRounding.AwayFromZero);
        return (int)Math.Max(MinimumSeconds, seconds);
    }
}
