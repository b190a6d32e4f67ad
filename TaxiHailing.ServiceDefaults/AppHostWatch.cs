using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Under a local AppHost (which sets AppHost:ProcessId), the service stops itself within a second of the AppHost's
/// end. DCP does stop the services of an AppHost that was killed outright, but only some six seconds later.
/// </summary>
internal sealed partial class AppHostWatch(int appHost, IHostApplicationLifetime lifetime, ILogger<AppHostWatch> logger) : BackgroundService
{
    public static void AddTo(IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<int?>("AppHost:ProcessId") is not { } appHost || !OperatingSystem.IsLinux()) return;
        builder.Services.AddHostedService(services => new AppHostWatch(appHost,
            services.GetRequiredService<IHostApplicationLifetime>(), services.GetRequiredService<ILogger<AppHostWatch>>()));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var everySecond = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await everySecond.WaitForNextTickAsync(stoppingToken))
        {
            if (Directory.Exists($"/proc/{appHost}")) continue;
            AppHostGone(appHost);
            lifetime.StopApplication();
            return;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The AppHost (process {AppHost}) has ended: stopping")]
    private partial void AppHostGone(int appHost);
}
