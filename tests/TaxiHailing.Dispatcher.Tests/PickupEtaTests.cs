namespace TaxiHailing.Dispatcher.Tests;

public class PickupEtaTests
{
    [Theory]
    [InlineData(10, 25, 1440)] // 10 km at 25 km/h: 24 minutes
    [InlineData(5, 25, 720)]
    [InlineData(2.5, 50, 180)]
    [InlineData(0.5, 25, 72)] // just above the floor
    public void The_eta_is_the_distance_at_the_average_speed(double distanceKm, double speedKmh, int expectedSeconds)
    {
        Assert.Equal(expectedSeconds, PickupEta.Seconds(distanceKm, speedKmh));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.1)]
    [InlineData(0.4)] // 57.6 s at 25 km/h
    public void A_driver_close_to_the_pickup_still_takes_a_minute(double distanceKm)
    {
        Assert.Equal(PickupEta.MinimumSeconds, PickupEta.Seconds(distanceKm, 25));
        Assert.Equal(60, PickupEta.MinimumSeconds);
    }

    [Theory]
    [InlineData(1.0044, 100)] // 100.44 s at 36 km/h (10 m/s): rounds down
    [InlineData(1.0056, 101)] // 100.56 s: rounds up
    [InlineData(1.2349, 123)] // 123.49 s
    [InlineData(1.2351, 124)] // 123.51 s
    public void The_eta_is_rounded_to_the_nearest_second(double distanceKm, int expectedSeconds)
    {
        Assert.Equal(expectedSeconds, PickupEta.Seconds(distanceKm, averageSpeedKmh: 36));
    }

    [Fact]
    public void A_faster_average_speed_gives_a_shorter_eta()
    {
        Assert.True(PickupEta.Seconds(8, 40) < PickupEta.Seconds(8, 20));
    }
}
