using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

public class FareTests
{
    private readonly FareOptions _tariff = new() { Currency = "GBP", BaseFare = 3.00m, PerKm = 1.60m, PerMinute = 0.30m, MinimumFare = 5.00m };

    [Fact]
    public void A_fare_is_the_flag_fall_plus_distance_and_time_rounded_to_the_penny()
    {
        // 3.00 + 2.1 km * 1.60 + 4.5 min * 0.30 = 3.00 + 3.36 + 1.35
        Assert.Equal(new Money(7.71m, "GBP"), _tariff.FareFor(2.1, TimeSpan.FromSeconds(270)));
        Assert.Equal(new Money(6.31m, "GBP"), _tariff.FareFor(2.0, TimeSpan.FromSeconds(21))); // 3 + 3.20 + 0.105: half a penny rounds up
    }

    [Fact]
    public void A_short_ride_costs_the_minimum_fare()
    {
        Assert.Equal(new Money(5.00m, "GBP"), _tariff.FareFor(0.2, TimeSpan.FromSeconds(40)));
        Assert.Equal(new Money(5.00m, "GBP"), _tariff.FareFor(0, TimeSpan.Zero));
    }

    [Fact]
    public void The_default_tariff_is_valid_and_a_bad_one_is_refused()
    {
        Assert.True(new FareOptionsValidator().Validate(null, new FareOptions()).Succeeded);
        var failures = new FareOptionsValidator().Validate(null, new FareOptions { Currency = "pounds", PerKm = -1 }).Failures!;
        Assert.Equal(2, failures.Count());
    }
}
