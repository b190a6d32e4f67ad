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

public class FareEstimateTests
{
    private static readonly Location Dam = new(52.3731, 4.8926);
    private static readonly Location Schiphol = new(52.3086, 4.7639);
    private readonly FareOptions _tariff = new() { Currency = "GBP", BaseFare = 3.00m, PerKm = 1.60m, PerMinute = 0.30m, MinimumFare = 5.00m, XlFactor = 1.5m };

    [Fact]
    public void An_estimate_prices_the_likely_road_distance_at_city_speed()
    {
        // 11.31 km as the crow flies, 14.70 km by road, 35.28 min at 25 km/h: 3.00 + 23.52 + 10.58
        Assert.Equal(new Money(37.11m, "GBP"), _tariff.EstimateFor(new TripRequest(Guid.NewGuid(), Dam, Schiphol)));
    }

    [Fact]
    public void An_xl_car_costs_the_xl_factor_more_both_quoted_and_charged()
    {
        var standard = _tariff.EstimateFor(new TripRequest(Guid.NewGuid(), Dam, Schiphol));
        var xl = _tariff.EstimateFor(new TripRequest(Guid.NewGuid(), Dam, Schiphol, Contracts.Trips.RideProduct.Xl));

        Assert.InRange(xl.Amount, standard.Amount * 1.5m - 0.01m, standard.Amount * 1.5m + 0.01m);
        Assert.Equal(new Money(7.50m, "GBP"), _tariff.FareFor(0, TimeSpan.Zero, Contracts.Trips.RideProduct.Xl)); // the minimum, times 1.5
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(5.01)]
    public void An_xl_factor_outside_1_to_5_is_refused(double factor)
    {
        var failure = Assert.Single(new FareOptionsValidator().Validate(null, new FareOptions { XlFactor = (decimal)factor }).Failures!);
        Assert.Contains("XlFactor", failure);
    }
}
