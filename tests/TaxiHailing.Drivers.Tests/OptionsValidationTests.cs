using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TaxiHailing.Drivers.Tests;

public class OptionsValidationTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones_and_valid()
    {
        var options = new SimulationOptions();

        Assert.Equal((true, 50, 51.5074, -0.1278, 5.0, 2.0, 25.0, 1),
            (options.Enabled, options.Size, options.CenterLat, options.CenterLng, options.RadiusKm, options.ReportIntervalSeconds, options.SpeedKmh, options.Seed));
        Assert.Equal((1.0, 4.0, 0.2), (options.AnswerDelayMinSeconds, options.AnswerDelayMaxSeconds, options.DeclineProbability));
        Assert.Equal((150.0, 5.0), (options.TripSpeedKmh, options.BoardingSeconds));
        Assert.True(new SimulationOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SimulationOptions.MaxSize)]
    public void A_size_at_either_bound_is_valid(int size)
    {
        Assert.True(new SimulationOptionsValidator().Validate(null, new SimulationOptions { Size = size }).Succeeded);
    }

    [Theory]
    [InlineData("Size", -1.0)]
    [InlineData("Size", SimulationOptions.MaxSize + 1.0)]
    [InlineData("RadiusKm", 0.0)]
    [InlineData("RadiusKm", -2.0)]
    [InlineData("RadiusKm", double.NaN)]
    [InlineData("RadiusKm", 1000.5)]
    [InlineData("CenterLat", 90.01)]
    [InlineData("CenterLat", -91.0)]
    [InlineData("CenterLat", double.NaN)]
    [InlineData("CenterLng", 180.5)]
    [InlineData("CenterLng", -200.0)]
    [InlineData("ReportIntervalSeconds", 0.0)]
    [InlineData("ReportIntervalSeconds", -1.0)]
    [InlineData("ReportIntervalSeconds", double.PositiveInfinity)]
    [InlineData("SpeedKmh", -1.0)]
    [InlineData("SpeedKmh", double.NaN)]
    [InlineData("SpeedKmh", 501.0)]
    [InlineData("AnswerDelayMinSeconds", -0.5)]
    [InlineData("AnswerDelayMinSeconds", double.NaN)]
    [InlineData("AnswerDelayMaxSeconds", 60.5)]
    [InlineData("AnswerDelayMaxSeconds", double.PositiveInfinity)]
    [InlineData("AnswerDelayMaxSeconds", 0.5)]
    [InlineData("DeclineProbability", -0.1)]
    [InlineData("DeclineProbability", 1.01)]
    [InlineData("DeclineProbability", double.NaN)]
    [InlineData("TripSpeedKmh", -1.0)]
    [InlineData("TripSpeedKmh", 5001.0)]
    [InlineData("BoardingSeconds", double.NaN)]
    [InlineData("BoardingSeconds", 601.0)]
    public void An_invalid_setting_is_refused_by_name(string setting, double value)
    {
        var options = new SimulationOptions();
        switch (setting)
        {
            case "Size": options.Size = (int)value; break;
            case "RadiusKm": options.RadiusKm = value; break;
            case "CenterLat": options.CenterLat = value; break;
            case "CenterLng": options.CenterLng = value; break;
            case "ReportIntervalSeconds": options.ReportIntervalSeconds = value; break;
            case "AnswerDelayMinSeconds": options.AnswerDelayMinSeconds = value; break;
            case "AnswerDelayMaxSeconds": options.AnswerDelayMaxSeconds = value; break;
            case "DeclineProbability": options.DeclineProbability = value; break;
            case "TripSpeedKmh": options.TripSpeedKmh = value; break;
            case "BoardingSeconds": options.BoardingSeconds = value; break;
            default: options.SpeedKmh = value; break;
        }

        var result = new SimulationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"Simulation:{setting} must be", failure);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(60.0, 60.0, 1.0)]
    [InlineData(0.5, 0.5, 0.5)]
    public void Answer_delays_and_the_decline_probability_at_their_bounds_are_valid(double min, double max, double declineProbability)
    {
        var options = new SimulationOptions { AnswerDelayMinSeconds = min, AnswerDelayMaxSeconds = max, DeclineProbability = declineProbability };

        Assert.True(new SimulationOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_minimum_answer_delay_above_the_maximum_is_refused_naming_both()
    {
        var result = new SimulationOptionsValidator().Validate(null, new SimulationOptions { AnswerDelayMinSeconds = 5, AnswerDelayMaxSeconds = 2 });

        Assert.Equal(["Simulation:AnswerDelayMaxSeconds must be at least Simulation:AnswerDelayMinSeconds (5); it is 2."], result.Failures!);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new SimulationOptions { Size = -5, RadiusKm = 0, CenterLat = 100, CenterLng = 500, ReportIntervalSeconds = 0, SpeedKmh = -3 };

        var result = new SimulationOptionsValidator().Validate(null, options);

        Assert.Equal(6, result.Failures!.Count());
    }

    [Fact]
    public void Configuration_binds_to_the_options()
    {
        using var host = BuildHost(new()
        {
            ["Simulation:Enabled"] = "false",
            ["Simulation:Size"] = "5",
            ["Simulation:CenterLat"] = "48.8566",
            ["Simulation:CenterLng"] = "2.3522",
            ["Simulation:RadiusKm"] = "2.5",
            ["Simulation:ReportIntervalSeconds"] = "0.5",
            ["Simulation:SpeedKmh"] = "18",
            ["Simulation:Seed"] = "99",
            ["Simulation:AnswerDelayMinSeconds"] = "0.5",
            ["Simulation:AnswerDelayMaxSeconds"] = "2.5",
            ["Simulation:DeclineProbability"] = "0.35",
        });

        var options = host.Services.GetRequiredService<IOptions<SimulationOptions>>().Value;

        Assert.Equal((false, 5, 48.8566, 2.3522, 2.5, 0.5, 18.0, 99),
            (options.Enabled, options.Size, options.CenterLat, options.CenterLng, options.RadiusKm, options.ReportIntervalSeconds, options.SpeedKmh, options.Seed));
        Assert.Equal((0.5, 2.5, 0.35), (options.AnswerDelayMinSeconds, options.AnswerDelayMaxSeconds, options.DeclineProbability));
    }

    [Fact]
    public void Invalid_configuration_stops_the_service_at_start_with_every_error()
    {
        using var host = BuildHost(new() { ["Simulation:Size"] = "20000", ["Simulation:ReportIntervalSeconds"] = "0" });

        // What the host runs before it starts anything, because the options are registered with ValidateOnStart.
        var exception = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        var messages = exception.Failures.ToList();
        Assert.Contains("Simulation:Size must be between 0 and 10000; it is 20000.", messages);
        Assert.Contains(messages, message => message.StartsWith("Simulation:ReportIntervalSeconds must be greater than 0"));
    }

    // Registers the Drivers service as Program does, without starting anything: no database or broker is touched.
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:kafka"] = "127.0.0.1:1" });
        builder.AddDrivers();
        return builder.Build();
    }
}
