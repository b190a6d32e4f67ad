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

    [Theory]
    [InlineData(nameof(DispatchOptions.FirstOfferRadiusKm), 0, "Dispatch:FirstOfferRadiusKm")]
    [InlineData(nameof(DispatchOptions.FirstOfferRadiusKm), 12, "Dispatch:FirstOfferRadiusKm")] // beyond MaxPickupKm
    [InlineData(nameof(DispatchOptions.OfferRounds), 0, "Dispatch:OfferRounds")]
    [InlineData(nameof(DispatchOptions.DriversPerOffer), 0, "Dispatch:DriversPerOffer")]
    [InlineData(nameof(DispatchOptions.OfferWindowSeconds), 0, "Dispatch:OfferWindowSeconds")]
    [InlineData(nameof(DispatchOptions.OfferWindowSeconds), double.NaN, "Dispatch:OfferWindowSeconds")]
    [InlineData(nameof(DispatchOptions.ConfirmationTimeoutSeconds), -1, "Dispatch:ConfirmationTimeoutSeconds")]
    public void Invalid_offer_settings_are_refused_naming_the_setting(string property, double value, string setting)
    {
        var options = new DispatchOptions();
        var target = typeof(DispatchOptions).GetProperty(property)!;
        target.SetValue(options, target.PropertyType == typeof(int) ? (object)(int)value : value);

        var result = new DispatchOptionsValidator().Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(setting + " must be", failure);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new DispatchOptionsValidator().Validate(null, new DispatchOptions()).Succeeded);
    }

    [Theory]
    [InlineData(1, 2.5)]
    [InlineData(2, 5)]
    [InlineData(3, 10)]
    [InlineData(4, 10)] // never beyond MaxPickupKm
    public void Each_round_doubles_the_search_radius_up_to_the_maximum(int round, double expectedKm)
    {
        Assert.Equal(expectedKm, new DispatchOptions().RadiusKm(round));
    }

    [Fact]
    public void Configuration_binds_to_the_options()
    {
        using var host = BuildHost(new()
        {
            ["Dispatch:MaxPickupKm"] = "3",
            ["Dispatch:AverageSpeedKmh"] = "18",
            ["Dispatch:FirstOfferRadiusKm"] = "1",
            ["Dispatch:OfferRounds"] = "2",
            ["Dispatch:DriversPerOffer"] = "5",
            ["Dispatch:OfferWindowSeconds"] = "4.5",
            ["Dispatch:ConfirmationTimeoutSeconds"] = "2",
        });

        var dispatch = host.Services.GetRequiredService<IOptions<DispatchOptions>>().Value;

        Assert.Equal((3.0, 18.0), (dispatch.MaxPickupKm, dispatch.AverageSpeedKmh));
        Assert.Equal((1.0, 2, 5), (dispatch.FirstOfferRadiusKm, dispatch.OfferRounds, dispatch.DriversPerOffer));
        Assert.Equal((TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(2)), (dispatch.OfferWindow, dispatch.ConfirmationTimeout));
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
