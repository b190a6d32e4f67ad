using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Trips.Tests;

/// <summary>A service started by a local AppHost stops by itself once that AppHost has ended (ServiceDefaults' AppHostWatch).</summary>
public sealed class AppHostWatchTests
{
    [Fact]
    public async Task A_service_whose_AppHost_has_ended_stops_itself()
    {
        using var appHost = Process.Start("sleep", "30");
        using var service = StartService(appHost.Id);
        var stopping = new TaskCompletionSource();
        service.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // two checks while the AppHost lives
        Assert.False(stopping.Task.IsCompleted, "the service stopped while its AppHost was still running");

        appHost.Kill();
        await appHost.WaitForExitAsync();

        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Without_an_AppHost_process_id_nothing_watches()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.WithTestSigningKey().AddServiceDefaults();

        using var host = builder.Build();

        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), service => service.GetType().Name == "AppHostWatch");
    }

    private static IHost StartService(int appHost)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["AppHost:ProcessId"] = appHost.ToString();
        builder.WithTestSigningKey().AddServiceDefaults();
        var host = builder.Build();
        host.Start();
        return host;
    }
}
