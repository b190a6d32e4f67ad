using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Trips.Tests;

/// <summary>
/// Retries only for requests that are safe to repeat, shown over real HTTP: no unsafe call between our services
/// exists yet, so a Kestrel server stands in for the dependency, found by service discovery as the services find it.
/// </summary>
public class SafeRetryTests
{
    private const int MaxRetries = 2;

    [Fact]
    public async Task A_failing_GET_is_sent_again_on_each_retry_and_a_POST_PUT_or_DELETE_only_once()
    {
        var arrivals = new ConcurrentDictionary<string, int>();
        await using var dependency = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            arrivals.AddOrUpdate(context.Request.Method, 1, (_, count) => count + 1);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        }));
        using var host = CallerOf(dependency.Address);
        var http = host.Services.GetRequiredService<Caller>().Http;

        foreach (var method in (HttpMethod[])[HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete])
        {
            using var response = await http.SendAsync(new HttpRequestMessage(method, "/v1/passengers/1"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        Assert.Equal(1 + MaxRetries, arrivals.GetValueOrDefault("GET"));
        Assert.Equal(1, arrivals.GetValueOrDefault("POST"));
        Assert.Equal(1, arrivals.GetValueOrDefault("PUT"));
        Assert.Equal(1, arrivals.GetValueOrDefault("DELETE"));
    }

    // A service as Trips is one: the service defaults (whose standard handler AddHttpDependency replaces) and the
    // dependency's address in the configuration that service discovery reads.
    private static IHost CallerOf(Uri dependency)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:passengers:http:0"] = dependency.ToString(),
            ["Dependencies:passengers:MaxRetries"] = MaxRetries.ToString(),
            ["Dependencies:passengers:RetryBaseDelay"] = "00:00:00.010",
            ["Dependencies:passengers:BreakerMinimumThroughput"] = "100", // the circuit must not open before the last call
        });
        builder.WithTestSigningKey().AddServiceDefaults();
        builder.AddHttpDependency<Caller>("passengers");
        return builder.Build();
    }

    private sealed class Caller(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }
}
