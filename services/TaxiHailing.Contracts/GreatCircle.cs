namespace TaxiHailing.Contracts;

/// <summary>
/// Distances, bearings and positions between <see cref="GeoPoint"/>s on a spherical Earth: accurate to about 0.5%,
/// plenty for a city. Every service measures the map the same way.
/// </summary>
public static class GreatCircle
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The haversine distance between two points.</summary>
    public static double DistanceKm(GeoPoint from, GeoPoint to)
    {
        var dLat = Radians(to.Lat - from.Lat);
        var dLng = Radians(to.Lng - from.Lng);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(Radians(from.Lat)) * Math.Cos(Radians(to.Lat)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, a)));
    }

    /// <summary>The direction (radians clockwise from north) in which one sets off from a point to reach another.</summary>
    public static double InitialBearing(GeoPoint from, GeoPoint to)
    {
        var lat1 = Radians(from.Lat);
        var lat2 = Radians(to.Lat);
        var dLng = Radians(to.Lng - from.Lng);
        return Math.Atan2(Math.Sin(dLng) * Math.Cos(lat2), Math.Cos(lat1) * Math.Sin(lat2) - Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLng));
    }

    /// <summary>Where one arrives going <paramref name="distanceKm"/> from a point on a bearing (radians from north).</summary>
    public static GeoPoint Destination(GeoPoint from, double bearing, double distanceKm)
    {
        var angle = distanceKm / EarthRadiusKm;
        var lat1 = Radians(from.Lat);
        var lng1 = Radians(from.Lng);
        var lat2 = Math.Asin(Math.Sin(lat1) * Math.Cos(angle) + Math.Cos(lat1) * Math.Sin(angle) * Math.Cos(bearing));
        var lng2 = lng1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(angle) * Math.Cos(lat1), Math.Cos(angle) - Math.Sin(lat1) * Math.Sin(lat2));
        return new GeoPoint(Degrees(lat2), NormalizeLongitude(Degrees(lng2)));
    }

    private static double NormalizeLongitude(double lng) => ((lng + 540) % 360) - 180;

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Degrees(double radians) => radians * 180 / Math.PI;
}
