namespace TaxiHailing.EndToEnd.Tests;

/// <summary>The freeze (SIGSTOP) and resume commands, on a small model of a plain executable.</summary>
public sealed class ResourceFreezeTests
{
    [Fact]
    public async Task A_frozen_resource_does_nothing_until_resumed_and_can_still_be_stopped()
    {
        var builder = SmallModel.Create();
        builder.AddExecutable("meter", "bash", Path.GetTempPath(), "-c", "while true; do echo tick; sleep 0.1; done").WithFreezeCommands();
        await using var app = await builder.BuildAsync();
        await app.StartAsync().WaitAsync(TaxiHailingModel.StartTimeout); // DCP starts slowly while other collections run
        await TaxiApi.EventuallyAsync(() => Task.FromResult(Ticks(app) > 0), TimeSpan.FromSeconds(10), "the meter ticks");

        await app.FreezeResourceAsync("meter");
        Assert.Equal(ResourceState.Frozen, app.GetResourceState("meter"));
        await Task.Delay(TimeSpan.FromSeconds(0.5)); // output already on its way may still arrive
        var frozenAt = Ticks(app);
        await Task.Delay(TimeSpan.FromSeconds(1)); // nothing to wait for: the point is that nothing happens
        Assert.Equal(frozenAt, Ticks(app));

        await app.ResumeResourceAsync("meter");
        Assert.Equal(ResourceState.Healthy, app.GetResourceState("meter"));
        var resumedAt = Ticks(app);
        await TaxiApi.EventuallyAsync(() => Task.FromResult(Ticks(app) > resumedAt + 2), TimeSpan.FromSeconds(10), "the meter ticks again");

        await app.FreezeResourceAsync("meter");
        await app.StopResourceAsync("meter").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ResourceState.Stopped, app.GetResourceState("meter"));
    }

    private static int Ticks(DistributedApplication app) => app.GetResourceLogs("meter").Count(line => line.Contains("tick"));
}
