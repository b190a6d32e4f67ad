using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Trips.Tests;

/// <summary>The Development admin API of a service with a dependency, served by Kestrel as the services serve it.</summary>
public class DependencyAdminTests
{
    [Fact]
    public async Task The_pipeline_is_switched_by_name_and_listed_and_a_bad_value_gets_a_400_naming_the_field()
    {
        await using var service = await LoopbackServer.StartAsync(app => app.MapDefaultEndpoints(), builder =>
        {
            builder.WithTestSigningKey().AddServiceDefaults();
            builder.AddHttpDependency<Caller>("passengers");
        });
        using var http = new HttpClient { BaseAddress = service.Address };
        http.DefaultRequestHeaders.Authorization = TestTokens.BearerFor(service.Services, CallerRoles.Operator);
        var passengers = service.Services.GetRequiredService<DependencyRegistry>().Get("passengers");

        var switched = await PutPipelineAsync(http, "passengers", """{ "pipeline": "library-defaults" }""", HttpStatusCode.OK);
        Assert.Equal("library-defaults", switched["pipeline"]!.GetValue<string>());
        Assert.Equal("not-tracked", switched["circuit"]!.GetValue<string>());
        Assert.Equal(DependencyPipeline.LibraryDefaults, passengers.Pipeline);
        var listed = JsonNode.Parse(await http.GetStringAsync("/admin/dependencies"))!.AsArray().Single()!;
        Assert.Equal("library-defaults", listed["pipeline"]!.GetValue<string>());

        foreach (var invalid in (string[])["""{ "pipeline": "sideways" }""", "{}", """{ "pipeline": 7 }"""])
        {
            var problem = await PutPipelineAsync(http, "passengers", invalid, HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]!.AsObject().ContainsKey("pipeline"), $"{invalid}: {problem.ToJsonString()}");
        }

        await PutPipelineAsync(http, "drivers", """{ "pipeline": "tuned" }""", HttpStatusCode.NotFound);
        Assert.Equal(DependencyPipeline.LibraryDefaults, passengers.Pipeline);

        var back = await PutPipelineAsync(http, "passengers", """{ "pipeline": "tuned" }""", HttpStatusCode.OK);
        Assert.Equal("tuned", back["pipeline"]!.GetValue<string>());
        Assert.Equal("closed", back["circuit"]!.GetValue<string>());
    }

    private static async Task<JsonObject> PutPipelineAsync(HttpClient http, string dependency, string json, HttpStatusCode expected)
    {
        using var response = await http.PutAsync($"/admin/dependencies/{dependency}/pipeline", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{json} answered {(int)response.StatusCode}: {body}");
        if (expected != HttpStatusCode.OK) Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    private sealed class Caller(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }
}
