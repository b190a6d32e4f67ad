using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TaxiHailing.Hosting;

public static class ControlExtensions
{
    /// <summary>
    /// Resource control for this model: the log book, <see cref="ResourceControl"/>, and in run mode a quick stop of
    /// every process when the AppHost stops, and the control API on 127.0.0.1:AppHost:ControlPort.
    /// </summary>
    public static IDistributedApplicationBuilder AddResourceControl(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResourceLogBook>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ResourceLogBook>());
        builder.Services.AddSingleton<ResourceControl>();
        if (!builder.ExecutionContext.IsRunMode) return builder;
        builder.Services.AddHostedService<ProcessShutdown>();

        var configured = builder.Configuration["AppHost:ControlPort"];
        var port = configured is null ? ControlApi.DefaultPort
            : int.TryParse(configured, out var given) && given is >= 0 and < 65536 ? given
            : throw new InvalidOperationException($"AppHost:ControlPort = '{configured}' is not a port number (0 for any free port).");
        builder.Services.AddSingleton(services => new ControlApi(services.GetRequiredService<ResourceControl>(), port));
        builder.Services.AddHostedService(services => services.GetRequiredService<ControlApi>());
        return builder;
    }
}
