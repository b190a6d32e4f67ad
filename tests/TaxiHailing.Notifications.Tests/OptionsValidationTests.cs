namespace TaxiHailing.Notifications.Tests;

public class OptionsValidationTests
{
    [Fact]
    public void The_defaults_are_valid_and_as_documented()
    {
        var defaults = new NotificationsOptions();

        Assert.True(new NotificationsOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.ReplayWindow);
        Assert.Equal(TimeSpan.FromSeconds(15), defaults.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.IdleTimeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(86401)]
    public void An_idle_timeout_out_of_range_is_refused_by_name(int idleSeconds)
    {
        var result = new NotificationsOptionsValidator().Validate(null, new NotificationsOptions { IdleTimeout = TimeSpan.FromSeconds(idleSeconds) });

        Assert.True(result.Failed);
        Assert.Contains("Notifications:IdleTimeout", result.FailureMessage);
    }

    [Theory]
    [InlineData(-1, 15, 5, "Notifications:ReplayWindow")]
    [InlineData(600, 0, 5, "Notifications:KeepAliveInterval")]
    [InlineData(600, -15, 5, "Notifications:KeepAliveInterval")]
    [InlineData(600, 3601, 5, "Notifications:KeepAliveInterval")]
    [InlineData(600, 15, 0, "Notifications:PollInterval")]
    [InlineData(600, 15, 3601, "Notifications:PollInterval")]
    public void An_invalid_setting_is_refused_by_name(int replaySeconds, int keepAliveSeconds, int pollSeconds, string setting)
    {
        var options = new NotificationsOptions
        {
            ReplayWindow = TimeSpan.FromSeconds(replaySeconds),
            KeepAliveInterval = TimeSpan.FromSeconds(keepAliveSeconds),
            PollInterval = TimeSpan.FromSeconds(pollSeconds),
        };

        var result = new NotificationsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage);
    }

    [Fact]
    public void An_empty_replay_window_is_allowed_it_replays_nothing()
    {
        Assert.True(new NotificationsOptionsValidator().Validate(null, new NotificationsOptions { ReplayWindow = TimeSpan.Zero }).Succeeded);
    }
}
