namespace TaxiHailing.EndToEnd.Tests;

/// <summary>How waiting for a resource reports one that cannot start, on small models of plain executables.</summary>
public sealed class ResourceFailureTests
{
    [Fact]
    public async Task A_resource_that_exits_before_it_is_healthy_fails_with_its_reason_and_last_log_lines()
    {
        var builder = SmallModel.Create();
        builder.AddExecutable("broken", "bash", Path.GetTempPath(), "-c", "echo 'cannot read config.yaml'; exit 3")
            .WithHttpEndpoint(targetPort: FreeLoopbackPort(), isProxied: false)
            .WithHttpHealthCheck();
        await using var app = await builder.BuildAsync();
        await app.StartAsync().WaitAsync(TaxiHailingModel.StartTimeout); // DCP starts slowly while other collections run

        var failure = await Assert.ThrowsAsync<ResourceFailedException>(() => app.WaitForResourceHealthyAsync("broken", TimeSpan.FromSeconds(30)));

        Assert.Equal("broken", failure.Resource);
        Assert.Contains("exited with code 3", failure.Reason);
        Assert.Contains("cannot read config.yaml", failure.Message);
    }

    [Fact]
    public async Task Waiting_for_a_resource_that_never_gets_healthy_times_out_with_its_last_log_lines()
    {
        var builder = SmallModel.Create();
        builder.AddExecutable("slow", "bash", Path.GetTempPath(), "-c", "echo 'warming up the meter'; exec sleep 30")
            .WithHttpEndpoint(targetPort: FreeLoopbackPort(), isProxied: false)
            .WithHttpHealthCheck();
        await using var app = await builder.BuildAsync();
        await app.StartAsync().WaitAsync(TaxiHailingModel.StartTimeout); // DCP starts slowly while other collections run

        var failure = await Assert.ThrowsAsync<ResourceFailedException>(() => app.WaitForResourceHealthyAsync("slow", TimeSpan.FromSeconds(2)));

        Assert.Contains("not healthy within 2 s", failure.Message);
        await TaxiApi.EventuallyAsync(async () =>
        {
            var again = await Assert.ThrowsAsync<ResourceFailedException>(() => app.WaitForResourceHealthyAsync("slow", TimeSpan.FromSeconds(1)));
            return again.Message.Contains("warming up the meter");
        }, TimeSpan.FromSeconds(10), "the failure quotes the resource's output");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
