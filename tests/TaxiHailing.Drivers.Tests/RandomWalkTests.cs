using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers.Tests;

public class RandomWalkTests
{
    [Fact]
    public void The_default_step_is_the_distance_covered_at_25_kmh_in_2_seconds()
    {
        var options = new SimulationOptions();

        Assert.Equal(25.0 * 2 / 3600, options.StepKm, 12);
        Assert.Equal(0.5, new SimulationOptions { SpeedKmh = 36, ReportIntervalSeconds = 50 }.StepKm, 12);
    }

    [Theory]
    [InlineData(51.5074, -0.1278, 5, 25, 2)]      // the defaults
    [InlineData(51.5074, -0.1278, 0.05, 25, 2)]   // a radius of a few steps
    [InlineData(-17.7134, 179.99, 2, 60, 10)]     // Fiji, across the antimeridian
    [InlineData(78.2232, 15.6267, 3, 80, 30)]     // Svalbard: far north, where a degree of longitude is short
    public void Drivers_stay_within_the_radius(double lat, double lng, double radiusKm, double speedKmh, double intervalSeconds)
    {
        var options = new SimulationOptions
        {
            Size = 20, CenterLat = lat, CenterLng = lng, RadiusKm = radiusKm, SpeedKmh = speedKmh, ReportIntervalSeconds = intervalSeconds,
        };
        var walk = RandomWalk.For(options);

        foreach (var driver in SimulatedFleet.Generate(options))
        {
            var (position, heading) = (driver.Start, driver.StartHeading);
            for (var step = 0; step < 2_000; step++)
            {
                (position, heading) = walk.Step(position, heading);
                Assert.InRange(GreatCircle.DistanceKm(options.Center, position), 0, radiusKm + 1e-9);
            }
        }
    }

    [Fact]
    public void Every_step_is_the_distance_covered_at_the_speed_in_the_interval()
    {
        var options = new SimulationOptions { RadiusKm = 0.2, SpeedKmh = 30, ReportIntervalSeconds = 3 }; // 25 m a step, 8 steps across
        var walk = RandomWalk.For(options);
        var (position, heading) = (options.Center, 0.0);

        for (var step = 0; step < 5_000; step++)
        {
            var (next, nextHeading) = walk.Step(position, heading);
            Assert.Equal(0.025, GreatCircle.DistanceKm(position, next), 9);
            (position, heading) = (next, nextHeading);
        }
    }

    [Fact]
    public void Drivers_wander_rather_than_stand_or_pace_a_line()
    {
        var options = new SimulationOptions();
        var walk = RandomWalk.For(options);
        var (position, heading) = (options.Center, 0.0);
        var headings = new HashSet<int>();

        for (var step = 0; step < 500; step++)
        {
            (position, heading) = walk.Step(position, heading);
            headings.Add((int)Math.Floor(((heading % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI) / (Math.PI / 4)));
        }

        Assert.True(GreatCircle.DistanceKm(options.Center, position) > 0.05, "after 500 steps the driver should have left the start");
        Assert.True(headings.Count >= 4, $"the driver should head in many directions, not {headings.Count} of 8");
    }

    [Fact]
    public void A_step_longer_than_the_area_ends_inside_it()
    {
        var options = new SimulationOptions { RadiusKm = 0.1, SpeedKmh = 500, ReportIntervalSeconds = 60 }; // 8.3 km steps in a 200 m disc
        var walk = RandomWalk.For(options);
        var (position, heading) = (options.Center, 1.0);

        for (var step = 0; step < 200; step++)
        {
            (position, heading) = walk.Step(position, heading);
            Assert.InRange(GreatCircle.DistanceKm(options.Center, position), 0, 0.1 + 1e-9);
        }
    }

    [Fact]
    public void A_driver_outside_the_area_drives_back_towards_it()
    {
        var options = new SimulationOptions(); // 5 km around central London, 13.9 m steps
        var walk = RandomWalk.For(options);
        var (position, heading) = (new GeoPoint(51.6, -0.1278), 0.0); // about 10 km north, heading further north
        var distance = GreatCircle.DistanceKm(options.Center, position);

        for (var step = 0; step < 50; step++)
        {
            (position, heading) = walk.Step(position, heading);
            var closer = GreatCircle.DistanceKm(options.Center, position);
            Assert.Equal(distance - options.StepKm, closer, 6);
            distance = closer;
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_walk()
    {
        var options = new SimulationOptions { Seed = 42 };

        Assert.Equal(Walk(options, 300), Walk(options, 300));
    }

    [Fact]
    public void Another_seed_gives_another_walk()
    {
        Assert.NotEqual(Walk(new SimulationOptions { Seed = 1 }, 50), Walk(new SimulationOptions { Seed = 2 }, 50));
    }

    [Fact]
    public void A_speed_of_zero_keeps_drivers_where_they_are()
    {
        var options = new SimulationOptions { SpeedKmh = 0 };
        var start = new GeoPoint(51.51, -0.13);

        var (position, _) = RandomWalk.For(options).Step(start, 0.3);

        Assert.Equal(0, GreatCircle.DistanceKm(start, position), 9);
    }

    private static List<GeoPoint> Walk(SimulationOptions options, int steps)
    {
        var walk = RandomWalk.For(options);
        var (position, heading) = (options.Center, 0.0);
        var positions = new List<GeoPoint>();
        for (var step = 0; step < steps; step++)
        {
            (position, heading) = walk.Step(position, heading);
            positions.Add(position);
        }

        return positions;
    }
}
