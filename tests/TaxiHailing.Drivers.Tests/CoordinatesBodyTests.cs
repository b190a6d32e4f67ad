using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers.Tests;

public class CoordinatesBodyTests
{
    [Theory]
    [InlineData(51.5045, -0.121)]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(0, 0)]
    public void Coordinates_on_the_globe_are_valid(double lat, double lng)
    {
        var body = new CoordinatesBody(lat, lng);

        Assert.Empty(body.Validate());
        Assert.Equal(new GeoPoint(lat, lng), body.ToGeoPoint());
    }

    [Theory]
    [InlineData(null, 0.0, "lat", "A latitude is required.")]
    [InlineData(0.0, null, "lng", "A longitude is required.")]
    [InlineData(90.0001, 0.0, "lat", "The latitude must be between -90 and 90.")]
    [InlineData(-90.0001, 0.0, "lat", "The latitude must be between -90 and 90.")]
    [InlineData(0.0, 180.0001, "lng", "The longitude must be between -180 and 180.")]
    [InlineData(0.0, -180.0001, "lng", "The longitude must be between -180 and 180.")]
    public void Bad_coordinates_are_reported_by_field(double? lat, double? lng, string field, string error)
    {
        var found = Assert.Single(new CoordinatesBody(lat, lng).Validate());

        Assert.Equal((field, error), found);
    }

    [Fact]
    public void Both_fields_are_reported_at_once()
    {
        var fields = new CoordinatesBody(91, -181).Validate().Select(error => error.Field);

        Assert.Equal(["lat", "lng"], fields);
    }
}
