using System.Reflection;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>
/// The AppHost has Aspire check a starting resource every 250 ms rather than after 1, 2, 3, 4, 5 s. The setting is
/// internal to Aspire, so this fails first when an Aspire update moves it.
/// </summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class HealthCheckPacingTests(TaxiHailingApplication taxiHailing)
{
    [Fact]
    public void Aspire_checks_starting_resources_every_250_ms()
    {
        var serviceType = typeof(ResourceNotificationService).Assembly.GetType("Aspire.Hosting.Health.ResourceHealthCheckService", throwOnError: true)!;
        var step = serviceType.GetProperty("NonHealthyHealthCheckStepInterval", BindingFlags.Instance | BindingFlags.NonPublic)!;

        Assert.Equal(TimeSpan.FromMilliseconds(250), step.GetValue(taxiHailing.App.Services.GetService(serviceType)));
    }
}
