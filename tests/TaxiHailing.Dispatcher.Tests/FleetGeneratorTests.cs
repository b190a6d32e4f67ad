using System.Text.RegularExpressions;

namespace TaxiHailing.Dispatcher.Tests;

public class FleetGeneratorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(1234)]
    public void The_fleet_has_the_configured_size(int size)
    {
        Assert.Equal(size, FleetGenerator.Generate(new FleetOptions { Size = size }).Count);
    }

    [Theory]
    [InlineData(51.5074, -0.1278, 5)] // central London, the default
    [InlineData(-33.8688, 151.2093, 0.5)] // Sydney, a small radius
    [InlineData(64.1466, -21.9426, 40)] // Reykjavik: far north, where a degree of longitude is short
    [InlineData(-17.7134, 179.95, 20)] // Fiji, across the antimeridian
    public void Every_driver_is_within_the_radius_of_the_centre(double lat, double lng, double radiusKm)
    {
        var options = new FleetOptions { Size = 2000, CenterLat = lat, CenterLng = lng, RadiusKm = radiusKm };

        var drivers = FleetGenerator.Generate(options);

        Assert.All(drivers, driver =>
        {
            Assert.InRange(GreatCircle.DistanceKm(options.Center, driver.Position), 0, radiusKm + 1e-9);
            Assert.InRange(driver.Position.Lat, -90, 90);
            Assert.InRange(driver.Position.Lng, -180, 180);
        });
    }

    [Fact]
    public void Drivers_are_spread_over_the_area_not_crowded_at_the_centre()
    {
        var options = new FleetOptions { Size = 4000, RadiusKm = 5 };

        var drivers = FleetGenerator.Generate(options);

        // Uniform over the area: the inner disc of radius r/sqrt(2) holds half the area, so about half the drivers,
        // and the outer ring from 0.9r holds 19% of it.
        var inner = drivers.Count(driver => GreatCircle.DistanceKm(options.Center, driver.Position) <= 5 / Math.Sqrt(2));
        var outerRing = drivers.Count(driver => GreatCircle.DistanceKm(options.Center, driver.Position) >= 4.5);
        Assert.InRange(inner / 4000.0, 0.46, 0.54);
        Assert.InRange(outerRing / 4000.0, 0.16, 0.22);
    }

    [Fact]
    public void The_same_options_give_the_same_fleet()
    {
        var options = new FleetOptions { Size = 300, RadiusKm = 7, CenterLat = 40.7128, CenterLng = -74.0060, Seed = 42 };

        Assert.Equal(FleetGenerator.Generate(options), FleetGenerator.Generate(options));
    }

    [Fact]
    public void Another_seed_gives_another_fleet()
    {
        var first = FleetGenerator.Generate(new FleetOptions { Size = 50, Seed = 1 });
        var second = FleetGenerator.Generate(new FleetOptions { Size = 50, Seed = 2 });

        Assert.Empty(first.Select(driver => driver.Id).Intersect(second.Select(driver => driver.Id)));
        Assert.NotEqual(first.Select(driver => driver.Vehicle.Plate), second.Select(driver => driver.Vehicle.Plate));
    }

    [Fact]
    public void A_larger_fleet_starts_with_the_smaller_one()
    {
        var small = FleetGenerator.Generate(new FleetOptions { Size = 10 });
        var large = FleetGenerator.Generate(new FleetOptions { Size = 20 });

        Assert.Equal(small, large.Take(10));
    }

    [Fact]
    public void Plates_and_ids_are_distinct_even_in_the_largest_fleet()
    {
        var drivers = FleetGenerator.Generate(new FleetOptions { Size = FleetOptions.MaxSize });

        Assert.Equal(FleetOptions.MaxSize, drivers.Select(driver => driver.Vehicle.Plate).Distinct().Count());
        Assert.Equal(FleetOptions.MaxSize, drivers.Select(driver => driver.Id).Distinct().Count());
    }

    [Fact]
    public void Drivers_look_like_a_london_fleet()
    {
        var drivers = FleetGenerator.Generate(new FleetOptions { Size = 500 });

        Assert.All(drivers, driver =>
        {
            Assert.Matches(new Regex("^[A-HJ-PR-Y]{2}[0-9]{2} [A-HJ-PR-Y]{3}$"), driver.Vehicle.Plate);
            Assert.Matches(new Regex(@"^\S+ \S+$"), driver.Name);
            Assert.False(string.IsNullOrWhiteSpace(driver.Vehicle.Make));
            Assert.False(string.IsNullOrWhiteSpace(driver.Vehicle.Model));
            Assert.False(string.IsNullOrWhiteSpace(driver.Vehicle.Colour));
            Assert.Equal(4, driver.Id.Version);
            Assert.True(driver.Available);
            Assert.Null(driver.CurrentTripId);
        });
        Assert.True(drivers.Select(driver => driver.Name).Distinct().Count() > 100, "names should vary");
        Assert.True(drivers.Select(driver => driver.Vehicle.Model).Distinct().Count() > 5, "vehicles should vary");
    }
}
