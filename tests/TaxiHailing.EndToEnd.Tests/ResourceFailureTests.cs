namespace TaxiHailing.EndToEnd.Tests;

/// <summary>How the engine reports a resource that cannot start, on small models of plain executables.</summary>
public sealed class ResourceFailureTests
{
    [Fact]
    public async Task A_resource_that_exits_before_it_is_healthy_fails_with_its_reason_and_last_log_lines()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var broken = builder.AddExecutable("broken", "bash", Path.GetTempPath(), "-c", "echo 'cannot read config.yaml'; exit 3")
            .WithHttpHealthCheck();
        builder.AddExecutable("dependent", "sleep", Path.GetTempPath(), "30").WaitFor(broken);
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<ResourceFailedException>(() => app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("broken", failure.Resource);
        Assert.Contains("exited with code 3", failure.Reason);
        Assert.Contains("cannot read config.yaml", failure.Message);
        await TaxiApi.EventuallyAsync(() => Task.FromResult(app.GetResourceState("dependent") == ResourceState.Failed),
            TimeSpan.FromSeconds(5), "the resource waiting for the broken one is reported failed too");
    }

    [Fact]
    public async Task Waiting_for_a_resource_that_never_gets_healthy_times_out_with_its_last_log_lines()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable("slow", "bash", Path.GetTempPath(), "-c", "echo 'warming up the meter'; exec sleep 30")
            .WithHttpHealthCheck();
        await using var app = builder.Build();
        _ = app.StartAsync();

        var failure = await Assert.ThrowsAsync<ResourceFailedException>(() => app.WaitForResourceHealthyAsync("slow", TimeSpan.FromSeconds(2)));

        Assert.Contains("not healthy within 2 s", failure.Message);
        Assert.Contains("warming up the meter", failure.Message);
    }

    [Fact]
    public void A_resource_name_that_cannot_be_a_connection_string_or_host_name_is_refused()
    {
        var builder = DistributedApplicationTestingBuilder.Create();

        var refusal = Assert.Throws<ArgumentException>(() => builder.AddExecutable("Trips_Service", "true", Path.GetTempPath()));

        Assert.Contains("lowercase letters, digits and dashes", refusal.Message);
    }
}
