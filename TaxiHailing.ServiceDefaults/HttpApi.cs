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
    /// what the OpenAPI document then says), and an OpenAPI document (contracts/openapi/{service}.{document}.json is its
    /// committed copy, which the build writes).
    /// </summary>
    public static TBuilder AddHttpApi<TBuilder>(this TBuilder builder, JsonSerializerContext json, Action<OpenApiOptions>? openApi = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, json);
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddOpenApi();
        // Every document the service registers, "v1" here and any other with AddOpenApi(name), gets the same treatment.
        builder.Services.ConfigureAll<OpenApiOptions>(options =>
        {
            options.AddContractInfo();
            options.AddBearerTokenSecurity();
            options.AddRequestExamples();
            openApi?.Invoke(options);
        });
        return builder;
    }

    /// <summary>
    /// The OpenAPI documents at /openapi/{document}.json (v1 and any other registered), and in Development a browsable reference at /scalar/v1 that sends a
    /// bearer token (get one from POST /dev/tokens and paste it in its Authentication box).
    /// </summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(scalar => scalar.AddPreferredSecuritySchemes(BearerTokenSecurity.SchemeName)).AllowAnonymous();
        }
        return app;
    }
}
