using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class HttpApiExtensions
{
    /// <summary>
    /// A service's HTTP API: JSON through its source-generated context, numbers only as JSON numbers (which is also
    /// what the OpenAPI document then says), and an OpenAPI document per API version in <paramref name="versions"/>
    /// (default just v1): an endpoint belongs to the version its path starts with (/v2/...), any other to the first.
    /// contracts/openapi/{service}.{version}.json is each document's committed copy, which the build writes.
    /// </summary>
    public static TBuilder AddHttpApi<TBuilder>(
        this TBuilder builder, JsonSerializerContext json, Action<OpenApiOptions>? openApi = null, string[]? versions = null)
        where TBuilder : IHostApplicationBuilder
    {
        versions ??= [ApiVersions.First];
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, json);
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        foreach (var version in versions)
        {
            builder.Services.AddOpenApi(version, options =>
            {
                options.ShouldInclude = endpoint => ApiVersions.Of(endpoint.RelativePath, versions) == version;
                options.AddContractInfo();
                options.AddBearerTokenSecurity();
                options.AddDeprecationNotices();
                options.AddRequestExamples();
                openApi?.Invoke(options);
            });
        }

        builder.Services.AddSingleton(new ApiVersions(versions));
        return builder;
    }

    /// <summary>
    /// The OpenAPI documents at /openapi/{version}.json, and in Development a browsable reference of them all at /scalar
    /// that sends a bearer token (get one from POST /dev/tokens and paste it in its Authentication box).
    /// </summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            var versions = app.Services.GetRequiredService<ApiVersions>().All;
            app.MapScalarApiReference(scalar => scalar.AddDocuments(versions).AddPreferredSecuritySchemes(BearerTokenSecurity.SchemeName)).AllowAnonymous();
        }
        return app;
    }
}
