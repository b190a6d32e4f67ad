namespace TaxiHailing.Trips.Tests;

public class OptionsValidationTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new PassengerVerificationOptionsValidator().Validate(null, new PassengerVerificationOptions()).Succeeded);
        Assert.True(new TripEventsOptionsValidator().Validate(null, new TripEventsOptions()).Succeeded);
        Assert.True(new Microsoft.Extensions.Hosting.DependencyOptionsValidator().Validate("passengers", new()).Succeeded);
    }

    [Fact]
    public void A_negative_cache_time_to_live_is_refused_by_its_key()
    {
        var result = new PassengerVerificationOptionsValidator().Validate(null, new PassengerVerificationOptions { CacheTimeToLive = TimeSpan.FromMinutes(-1) });

        Assert.Contains("PassengerVerification:CacheTimeToLive", result.FailureMessage);
    }

    [Fact]
    public void An_idle_limit_shorter_than_the_keep_alive_is_refused_by_its_key()
    {
        var result = new TripEventsOptionsValidator().Validate(null, new TripEventsOptions { IdleTimeout = TimeSpan.FromSeconds(5) });

        Assert.Contains("TripEvents:IdleTimeout must be longer than KeepAliveInterval", result.FailureMessage);
    }

    [Theory]
    [InlineData("""{ "latencyRate": 0.5 }""", "latencyMs")]
    [InlineData("""{ "errorRate": 1.5 }""", "errorRate")]
    [InlineData("""{ "hangRate": -0.1 }""", "hangRate")]
    [InlineData("""{ "latencyMs": -5 }""", "latencyMs")]
    public void Fault_settings_that_make_no_sense_are_refused_field_by_field(string json, string field)
    {
        var body = System.Text.Json.JsonSerializer.Deserialize<Microsoft.Extensions.Hosting.FaultSettingsBody>(json, System.Text.Json.JsonSerializerOptions.Web)!;

        Assert.Contains(body.Validate(), error => error.Field == field);
    }
}
