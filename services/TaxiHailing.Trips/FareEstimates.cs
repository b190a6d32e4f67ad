using TaxiHailing.Contracts;

namespace TaxiHailing.Trips;

/// <summary>
/// The fare a passenger is quoted before the ride: the tariff applied to the straight-line distance stretched to a
/// likely road distance, driven at a typical city speed. The fare charged is still the metered one.
/// </summary>
public static class FareEstimates
{
    private const double RoadDistanceFactor = 1.3;
    private const double CitySpeedKmh = 25;

    public static Money EstimateFor(this FareOptions tariff, TripRequest request)
    {
        var roadKm = RoadDistanceFactor * GreatCircle.DistanceKm(
            new GeoPoint(request.Pickup.Lat, request.Pickup.Lng), new GeoPoint(request.Dropoff.Lat, request.Dropoff.Lng));
        return tariff.FareFor(roadKm, TimeSpan.FromHours(roadKm / CitySpeedKmh), request.Product);
    }
}
