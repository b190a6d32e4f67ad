using Microsoft.Extensions.DependencyInjection;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>The AppHost's model, as Aspire's testing builder starts it: random ports, empty databases and broker.</summary>
internal static class TaxiHailingModel
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync()
    {
        // The control API on a free port; and plain HttpClients: the testing builder would otherwise give every
        // client the standard resilience handler, which retries what the tests mean to see fail.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TaxiHailing_AppHost>(
            ["AppHost:ControlPort=0", "ASPIRE_TESTING_DISABLE_HTTP_CLIENT=true"]);
        builder.Services.AddHttpClient();
        return builder;
    }

    public static async Task<DistributedApplication> StartAsync(this IDistributedApplicationTestingBuilder builder)
    {
        var app = await builder.BuildAsync();
        await app.StartAsync().WaitAsync(StartTimeout);
        await app.WaitForAllHealthyAsync(StartTimeout);
        return app;
    }
}
