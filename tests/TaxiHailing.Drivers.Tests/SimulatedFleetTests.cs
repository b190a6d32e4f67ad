using TaxiHailing.Contracts;
using Microsoft.Extensions.Hosting;
namespace TaxiHailing.Drivers.Tests;

public class SimulatedFleetTests
{
    [Fact]
    public void A_driver_id_depends_only_on_the_seed_and_the_number()
    {
        Assert.Equal(SimulatedFleet.DriverId(1, 7), SimulatedFleet.DriverId(1, 7));
        Assert.NotEqual(SimulatedFleet.DriverId(1, 7), SimulatedFleet.DriverId(1, 8));
        Assert.NotEqual(SimulatedFleet.DriverId(1, 7), SimulatedFleet.DriverId(2, 7));
    }

    [Fact]
    public void Driver_ids_do_not_change_between_versions()
    {
        // A restart must find the drivers an earlier run registered: these ids are stored in databases. (Computed
        // independently: SHA-256 of "TaxiHailing.Drivers simulated driver {seed} {index}", version and variant bits set.)
        Assert.Equal(Guid.Parse("fe011b32-877e-85f2-bffa-80929f58fbfd"), SimulatedFleet.DriverId(1, 0));
        Assert.Equal(Guid.Parse("e2a9816c-ef76-82de-95a3-7b4c4b8706fc"), SimulatedFleet.DriverId(1, 49));
    }

    [Fact]
    public void Driver_ids_are_version_8_uuids()
    {
        var id = SimulatedFleet.DriverId(1, 0);

        Assert.Equal(8, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
    }

    [Fact]
    public void Growing_the_fleet_keeps_the_drivers_it_had()
    {
        var small = SimulatedFleet.Generate(new SimulationOptions { Size = 10 });
        var large = SimulatedFleet.Generate(new SimulationOptions { Size = 50 });

        Assert.Equal(small, large.Take(10));
        Assert.Equal(Enumerable.Range(0, 50), large.Select(driver => driver.Index));
    }

    [Fact]
    public void The_same_options_give_the_same_fleet_and_another_seed_another()
    {
        var options = new SimulationOptions { Size = 100, Seed = 42, CenterLat = 40.7128, CenterLng = -74.0060, RadiusKm = 7 };
        var fleet = SimulatedFleet.Generate(options);

        Assert.Equal(fleet, SimulatedFleet.Generate(options));
        options.Seed = 43;
        var other = SimulatedFleet.Generate(options);
        Assert.Empty(fleet.Select(driver => driver.Id).Intersect(other.Select(driver => driver.Id)));
    }

    [Fact]
    public void The_largest_fleet_has_distinct_ids_and_plates_that_the_api_would_accept()
    {
        var fleet = SimulatedFleet.Generate(new SimulationOptions { Size = SimulationOptions.MaxSize });

        Assert.Equal(fleet.Count, fleet.Select(driver => driver.Id).Distinct().Count());
        // Plates are compared without spaces and dashes, as the database's unique index does.
        Assert.Equal(fleet.Count, fleet.Select(driver => driver.Registration.Vehicle.Plate.Replace(" ", "")).Distinct().Count());
        Assert.All(fleet.Take(500), driver =>
        {
            var vehicle = driver.Registration.Vehicle;
            var body = new RegisterDriverBody(driver.Registration.Name, new VehicleBody(vehicle.Make, vehicle.Model, vehicle.Colour, vehicle.Plate));
            Assert.Empty(body.Validate());
            Assert.Equal(driver.Registration, body.ToRegistration());
        });
    }

    [Fact]
    public void Each_driver_has_its_own_idempotency_key()
    {
        var driver = SimulatedFleet.Driver(new SimulationOptions(), 3);

        Assert.Equal($"simulated-driver:{driver.Id}", driver.IdempotencyKey);
        Assert.InRange(driver.IdempotencyKey.Length, 1, IdempotencyKey.MaxLength);
    }

    [Theory]
    [InlineData(51.5074, -0.1278, 5)]
    [InlineData(-33.8688, 151.2093, 0.5)]
    [InlineData(-17.7134, 179.95, 20)]
    public void Drivers_start_within_the_radius_spread_over_the_area(double lat, double lng, double radiusKm)
    {
        var options = new SimulationOptions { Size = 4000, CenterLat = lat, CenterLng = lng, RadiusKm = radiusKm };

        var fleet = SimulatedFleet.Generate(options);

        Assert.All(fleet, driver => Assert.InRange(GreatCircle.DistanceKm(options.Center, driver.Start), 0, radiusKm + 1e-9));
        // Uniform over the area: the inner disc of radius r/sqrt(2) holds half of it.
        var inner = fleet.Count(driver => GreatCircle.DistanceKm(options.Center, driver.Start) <= radiusKm / Math.Sqrt(2));
        Assert.InRange(inner / 4000.0, 0.46, 0.54);
    }
}
