using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaxiHailing.Hosting;

public static class HealthCheckPacing
{
    private static readonly TimeSpan UnhealthyStep = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Aspire 13.6 checks a resource that is not healthy yet again after 1 s, then 2, 3, 4 and 5 s. A service that is
    /// ready 1.1 s after its start is therefore seen as ready at 3 s, and every WaitFor stage of the model (the server,
    /// its databases, the services) pays that. Steps of 250 ms instead cost a few more probes and save seconds.
    /// The step is internal to Aspire (ResourceHealthCheckService.NonHealthyHealthCheckStepInterval); if it moves,
    /// the AppHost says so and keeps Aspire's pace.
    /// </summary>
    public static IDistributedApplicationBuilder CheckStartingResourcesOften(this IDistributedApplicationBuilder builder)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((started, _) =>
        {
            var serviceType = typeof(ResourceNotificationService).Assembly.GetType("Aspire.Hosting.Health.ResourceHealthCheckService");
            var step = serviceType?.GetProperty("NonHealthyHealthCheckStepInterval", BindingFlags.Instance | BindingFlags.NonPublic);
            if (serviceType is not null && step?.PropertyType == typeof(TimeSpan) && started.Services.GetService(serviceType) is { } service)
            {
                step.SetValue(service, UnhealthyStep);
            }
            else
            {
                started.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthCheckPacing))
                    .LogWarning("This Aspire version has no NonHealthyHealthCheckStepInterval: health checks keep Aspire's pace.");
            }

            return Task.CompletedTask;
        });
        return builder;
    }
}
