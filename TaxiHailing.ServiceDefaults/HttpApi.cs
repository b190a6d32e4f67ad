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
    /// what the OpenAPI document then says), and an OpenAPI document.
    /// </summary>
    public static TBuilder AddHttpApi<TBuilder>(this TBuilder builder, JsonSerializerContext json, Action<OpenApiOptions>? openApi = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, json);
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddOpenApi(options =>
        {
            options.AddBearerTokenSecurity();
            openApi?.Invoke(options);
        });
        return builder;
    }

    /// <summary>
    /// The OpenAPI document at /openapi/v1.json, and in Development a browsable reference at /scalar/v1 that sends a
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
