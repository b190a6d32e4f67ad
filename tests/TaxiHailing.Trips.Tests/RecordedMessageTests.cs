using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TaxiHailing.Messaging;
using TaxiHailing.Testing;

namespace TaxiHailing.Trips.Tests;

/// <summary>
/// Trip Management's catalogue, as its Extensions.cs declares it, reads every recorded message of every type it
/// subscribes to (the Dispatcher's outcomes and the drivers' trip steps). Its handlers are not run here: the same
/// recorded messages run through the Dispatcher's, Notifications' and Drivers' running consumers in their tests.
/// </summary>
public sealed class RecordedMessageTests
{
    [Fact]
    public void Its_catalogue_reads_every_recorded_message_of_every_type_it_subscribes_to()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:kafka"] = "localhost:9092"; // never dialled: nothing is started
        builder.AddTrips();
        using var services = builder.Services.BuildServiceProvider();
        var catalog = services.GetRequiredService<MessageCatalog>();

        var problems = FixtureReading.Problems(catalog);

        Assert.Contains("dispatch.driver-assigned.v1", catalog.MessageTypes);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
