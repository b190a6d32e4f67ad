using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Trips.Tests;

/// <summary>Calls between services are authenticated: a dependency's client sends its service's own token, which the other service accepts.</summary>
public class ServiceTokenTests
{
    [Fact]
    public async Task A_dependency_is_called_with_a_service_token_that_a_service_endpoint_accepts_and_a_person_endpoint_refuses()
    {
        await using var dependency = await LoopbackServer.StartAsync(app =>
        {
            app.MapDefaultEndpoints();
            app.MapGet("/who", (ClaimsPrincipal user) => $"{user.Identity!.Name}/{user.FindFirst(Microsoft.Extensions.Hosting.Caller.RoleClaim)!.Value}").RequireRoles(CallerRoles.Service);
            app.MapGet("/operators", () => "hello").RequireRoles(CallerRoles.Operator);
        }, builder => builder.WithTestSigningKey().AddServiceDefaults());
        using var caller = CallerOf(dependency.Address, TestTokens.SigningKey);
        var http = caller.Services.GetRequiredService<DependencyClient>().Http;

        Assert.Equal($"{caller.Services.GetRequiredService<IHostEnvironment>().ApplicationName}/service", await http.GetStringAsync("/who"));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/operators")).StatusCode);

        using var stranger = CallerOf(dependency.Address, Convert.ToBase64String(new byte[32]));
        using var refused = await stranger.Services.GetRequiredService<DependencyClient>().Http.GetAsync("/who");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static IHost CallerOf(Uri dependency, string signingKey)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:passengers:http:0"] = dependency.ToString(),
            [$"{TokenOptions.Section}:SigningKey"] = signingKey,
        });
        builder.AddServiceDefaults();
        builder.AddHttpDependency<DependencyClient>("passengers");
        return builder.Build();
    }

    private sealed class DependencyClient(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }
}
