using TaxiHailing.Contracts;

namespace TaxiHailing.Dispatcher.Tests;

public class GreatCircleTests
{
    private static readonly GeoPoint London = new(51.5074, -0.1278);
    private static readonly GeoPoint Paris = new(48.8566, 2.3522);

    [Theory]
    [InlineData(51.5074, -0.1278, 48.8566, 2.3522, 343.6)] // London - Paris
    [InlineData(40.7128, -74.0060, 34.0522, -118.2437, 3935.8)] // New York - Los Angeles
    [InlineData(-33.8688, 151.2093, -37.8136, 144.9631, 713.4)] // Sydney - Melbourne
    public void Known_city_pairs_are_their_great_circle_distance_apart(double fromLat, double fromLng, double toLat, double toLng, double expectedKm)
    {
        var distance = GreatCircle.DistanceKm(new GeoPoint(fromLat, fromLng), new GeoPoint(toLat, toLng));

        Assert.Equal(expectedKm, distance, tolerance: 0.5);
    }

    [Fact]
    public void One_degree_of_latitude_is_a_360th_of_the_circumference()
    {
        var distance = GreatCircle.DistanceKm(new GeoPoint(0, 0), new GeoPoint(1, 0));

        Assert.Equal(2 * Math.PI * GreatCircle.EarthRadiusKm / 360, distance, tolerance: 1e-9);
    }

    [Fact]
    public void The_short_way_across_the_antimeridian_is_taken()
    {
        var distance = GreatCircle.DistanceKm(new GeoPoint(0, 179.5), new GeoPoint(0, -179.5));

        Assert.Equal(111.195, distance, tolerance: 0.001);
    }

    [Fact]
    public void Distance_is_symmetric_and_zero_to_the_same_point()
    {
        Assert.Equal(GreatCircle.DistanceKm(London, Paris), GreatCircle.DistanceKm(Paris, London), tolerance: 1e-9);
        Assert.Equal(0, GreatCircle.DistanceKm(London, London));
    }

    [Theory]
    [InlineData(0, 0.3)]
    [InlineData(Math.PI / 2, 4.9)]
    [InlineData(Math.PI, 10)]
    [InlineData(5.5, 2.25)]
    public void A_destination_is_the_distance_travelled_away(double bearing, double distanceKm)
    {
        var destination = GreatCircle.Destination(London, bearing, distanceKm);

        Assert.Equal(distanceKm, GreatCircle.DistanceKm(London, destination), tolerance: 1e-6);
    }

    [Fact]
    public void Heading_north_raises_the_latitude_and_keeps_the_longitude()
    {
        var destination = GreatCircle.Destination(London, bearing: 0, distanceKm: 111.195);

        Assert.Equal(London.Lat + 1, destination.Lat, tolerance: 1e-4);
        Assert.Equal(London.Lng, destination.Lng, tolerance: 1e-9);
    }

    [Fact]
    public void A_destination_across_the_antimeridian_has_a_longitude_in_range()
    {
        var destination = GreatCircle.Destination(new GeoPoint(0, 179.9), bearing: Math.PI / 2, distanceKm: 50);

        Assert.InRange(destination.Lng, -180, -179);
    }
}
