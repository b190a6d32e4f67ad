using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TaxiHailing.Dispatcher.Tests;

public class OptionsValidationTests
{
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
            ["Dispatch:MaxPickupKm"] = "3",
            ["Dispatch:AverageSpeedKmh"] = "18",
        });

        var dispatch = host.Services.GetRequiredService<IOptions<DispatchOptions>>().Value;

        Assert.Equal((3.0, 18.0), (dispatch.MaxPickupKm, dispatch.AverageSpeedKmh));
    }

    [Fact]
    public void Invalid_configuration_stops_the_service_at_start_with_every_error()
    {
        using var host = BuildHost(new() { ["Dispatch:MaxPickupKm"] = "0", ["Dispatch:AverageSpeedKmh"] = "-4" });

        // What the host runs before it starts anything, because the options are registered with ValidateOnStart.
        var exception = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        var messages = exception.Failures.ToList();
        Assert.Contains(messages, message => message.StartsWith("Dispatch:MaxPickupKm must be"));
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
