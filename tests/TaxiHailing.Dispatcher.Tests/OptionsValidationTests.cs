using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TaxiHailing.Dispatcher.Tests;

public class OptionsValidationTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new FleetOptionsValidator().Validate(null, new FleetOptions()).Succeeded);
        Assert.True(new DispatchOptionsValidator().Validate(null, new DispatchOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(FleetOptions.MaxSize)]
    public void A_fleet_size_at_either_bound_is_valid(int size)
    {
        Assert.True(new FleetOptionsValidator().Validate(null, new FleetOptions { Size = size }).Succeeded);
    }

    [Theory]
    [InlineData(-1, 5, 51.5, -0.1, "Fleet:Size")]
    [InlineData(FleetOptions.MaxSize + 1, 5, 51.5, -0.1, "Fleet:Size")]
    [InlineData(50, 0, 51.5, -0.1, "Fleet:RadiusKm")]
    [InlineData(50, -2, 51.5, -0.1, "Fleet:RadiusKm")]
    [InlineData(50, double.NaN, 51.5, -0.1, "Fleet:RadiusKm")]
    [InlineData(50, 1000.5, 51.5, -0.1, "Fleet:RadiusKm")]
    [InlineData(50, 5, 90.01, -0.1, "Fleet:CenterLat")]
    [InlineData(50, 5, -91, -0.1, "Fleet:CenterLat")]
    [InlineData(50, 5, double.NaN, -0.1, "Fleet:CenterLat")]
    [InlineData(50, 5, 51.5, 180.5, "Fleet:CenterLng")]
    [InlineData(50, 5, 51.5, -200, "Fleet:CenterLng")]
    public void An_invalid_fleet_is_refused_naming_the_setting(int size, double radiusKm, double lat, double lng, string setting)
    {
        var options = new FleetOptions { Size = size, RadiusKm = radiusKm, CenterLat = lat, CenterLng = lng };

        var result = new FleetOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(setting + " must be", failure);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new FleetOptions { Size = -5, RadiusKm = 0, CenterLat = 100, CenterLng = 500 };

        var result = new FleetOptionsValidator().Validate(null, options);

        Assert.Equal(4, result.Failures!.Count());
    }

    [Theory]
    [InlineData(0, 25, "Dispatch:MaxPickupKm")]
    [InlineData(-1, 25, "Dispatch:MaxPickupKm")]
    [InlineData(double.PositiveInfinity, 25, "Dispatch:MaxPickupKm")]
    [InlineData(10, 0, "Dispatch:AverageSpeedKmh")]
    [InlineData(10, double.NaN, "Dispatch:AverageSpeedKmh")]
    public void Invalid_dispatch_options_are_refused_naming_the_setting(double maxPickupKm, double speedKmh, string setting)
    {
        var options = new DispatchOptions { MaxPickupKm = maxPickupKm, AverageSpeedKmh = speedKmh };

        var result = new DispatchOptionsValidator().Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(setting + " must be", failure);
    }

    [Fact]
    public void Configuration_binds_to_the_options()
    {
        using var host = BuildHost(new()
        {
            ["Fleet:Size"] = "7",
            ["Fleet:RadiusKm"] = "2.5",
            ["Fleet:CenterLat"] = "48.8566",
            ["Fleet:CenterLng"] = "2.3522",
            ["Fleet:Seed"] = "99",
            ["Dispatch:MaxPickupKm"] = "3",
            ["Dispatch:AverageSpeedKmh"] = "18",
        });

        var fleet = host.Services.GetRequiredService<IOptions<FleetOptions>>().Value;
        var dispatch = host.Services.GetRequiredService<IOptions<DispatchOptions>>().Value;

        Assert.Equal((7, 2.5, 48.8566, 2.3522, 99), (fleet.Size, fleet.RadiusKm, fleet.CenterLat, fleet.CenterLng, fleet.Seed));
        Assert.Equal((3.0, 18.0), (dispatch.MaxPickupKm, dispatch.AverageSpeedKmh));
    }

    [Fact]
    public void Invalid_configuration_stops_the_service_at_start_with_every_error()
    {
        using var host = BuildHost(new() { ["Fleet:Size"] = "200000", ["Dispatch:AverageSpeedKmh"] = "-4" });

        // What the host runs before it starts anything, because the options are registered with ValidateOnStart.
        var exception = Assert.Throws<AggregateException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        var messages = exception.InnerExceptions.OfType<OptionsValidationException>().SelectMany(error => error.Failures).ToList();
        Assert.Contains(messages, message => message.StartsWith("Fleet:Size must be between 0 and 100000; it is 200000."));
        Assert.Contains(messages, message => message.StartsWith("Dispatch:AverageSpeedKmh must be"));
    }

    // Registers the Dispatcher as Program does, without starting anything: no database or broker is touched.
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:kafka"] = "127.0.0.1:1" });
        builder.AddDispatcher();
        return builder.Build();
    }
}
