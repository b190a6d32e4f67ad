using System.Diagnostics.Metrics;

namespace TaxiHailing.Trips;

/// <summary>The meter of Trips' own measurements (exported with every TaxiHailing.* meter).</summary>
internal static class TripsMeter
{
    public static readonly Meter Meter = new("TaxiHailing.Trips");
}
