using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers.Tests;

public class AvailabilityBodyTests
{
    [Fact]
    public void Going_online_with_a_position_is_valid()
    {
        var body = new AvailabilityBody(true, new CoordinatesBody(51.5033, -0.1196));

        Assert.Empty(body.Validate());
        Assert.True(body.GoesOnline);
        Assert.Equal(new GeoPoint(51.5033, -0.1196), body.ToPosition());
    }

    [Fact]
    public void Going_offline_needs_no_position()
    {
        var body = new AvailabilityBody(false, null);

        Assert.Empty(body.Validate());
        Assert.False(body.GoesOnline);
        Assert.Null(body.ToPosition());
    }

    [Fact]
    public void Online_is_required()
    {
        var error = Assert.Single(new AvailabilityBody(null, new CoordinatesBody(51.5, -0.1)).Validate());

        Assert.Equal("online", error.Field);
    }

    [Fact]
    public void Going_online_requires_a_position()
    {
        var error = Assert.Single(new AvailabilityBody(true, null).Validate());

        Assert.Equal("position", error.Field);
        Assert.Contains("required when going online", error.Error);
    }

    [Theory]
    [InlineData(true, null, -0.1, "position.lat", "required")]
    [InlineData(true, 51.5, null, "position.lng", "required")]
    [InlineData(true, 90.5, -0.1, "position.lat", "between -90 and 90")]
    [InlineData(true, 51.5, -180.5, "position.lng", "between -180 and 180")]
    [InlineData(false, -91.0, 0.0, "position.lat", "between -90 and 90")] // a position given when going offline is checked too
    public void The_position_is_checked_field_by_field(bool online, double? lat, double? lng, string field, string error)
    {
        var found = Assert.Single(new AvailabilityBody(online, new CoordinatesBody(lat, lng)).Validate());

        Assert.Equal(field, found.Field);
        Assert.Contains(error, found.Error);
    }

    [Fact]
    public void Every_invalid_field_is_reported()
    {
        var fields = new AvailabilityBody(null, new CoordinatesBody(null, 200)).Validate().Select(error => error.Field);

        Assert.Equal(["online", "position.lat", "position.lng"], fields);
    }
}
