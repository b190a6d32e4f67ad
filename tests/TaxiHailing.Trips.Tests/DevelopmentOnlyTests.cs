using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Trips.Tests;

/// <summary>Sign-in, the API reference and the admin endpoints exist in Development only.</summary>
public class DevelopmentOnlyTests
{
    [Theory]
    [InlineData("Development", HttpStatusCode.OK)]
    [InlineData("Production", HttpStatusCode.NotFound)]
    public async Task Sign_in_the_API_reference_and_the_admin_endpoints_are_there_only_in_Development(string environment, HttpStatusCode expected)
    {
        await using var service = await LoopbackServer.StartAsync(app =>
        {
            app.MapDefaultEndpoints();
            app.MapApiDocs();
        }, builder =>
        {
            builder.WithTestSigningKey().AddServiceDefaults();
            builder.AddHttpApi(TripsJsonContext.Default);
            builder.AddHttpDependency<DependencyClient>("passengers");
        }, environment);
        using var http = new HttpClient { BaseAddress = service.Address };
        http.DefaultRequestHeaders.Authorization = TestTokens.BearerFor(service.Services, CallerRoles.Operator);

        Assert.Equal(expected, (await http.PostAsync("/dev/tokens", new StringContent("""{ "role": "operator" }""", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(expected, (await http.GetAsync("/scalar/v1")).StatusCode);
        Assert.Equal(expected, (await http.GetAsync("/admin/dependencies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task The_API_reference_offers_every_version_s_document()
    {
        await using var service = await LoopbackServer.StartAsync(app => app.MapApiDocs(), builder =>
        {
            builder.WithTestSigningKey().AddServiceDefaults();
            builder.AddHttpApi(TripsJsonContext.Default, versions: ["v1", "v2"]);
        }, "Development");
        using var http = new HttpClient { BaseAddress = service.Address };

        var page = await http.GetStringAsync("/scalar/");

        Assert.Contains("openapi/v1.json", page);
        Assert.Contains("openapi/v2.json", page);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/openapi/v2.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/openapi/v3.json")).StatusCode);
    }

    private sealed class DependencyClient(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }
}
