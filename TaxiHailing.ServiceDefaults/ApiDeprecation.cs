using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A deprecated API version says so on every answer of its endpoints: Deprecation (RFC 9745: since when), Sunset
/// (RFC 8594: when it stops being served) and a Link to its successor. Its OpenAPI operations are marked deprecated.
/// </summary>
public sealed record ApiDeprecation(DateTimeOffset DeprecatedAt, DateTimeOffset SunsetAt, string Successor)
{
    public string DeprecationHeader => $"@{DeprecatedAt.ToUnixTimeSeconds()}";

    public string SunsetHeader => SunsetAt.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    public string LinkHeader => $"<{Successor}>; rel=\"successor-version\"";
}

public static class ApiDeprecationExtensions
{
    public static TBuilder DeprecatedBy<TBuilder>(this TBuilder endpoints, ApiDeprecation deprecation) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata(deprecation);

    // When the response starts, so that answers the endpoint never wrote (401, 403, 429, problems) carry them too.
    internal static void UseApiDeprecations(this WebApplication app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ApiDeprecation>() is { } deprecation)
            {
                var headers = context.Response.Headers;
                headers["Deprecation"] = deprecation.DeprecationHeader;
                headers["Sunset"] = deprecation.SunsetHeader;
                headers.Append("Link", deprecation.LinkHeader);
            }

            return Task.CompletedTask;
        });
        return next(context);
    });

    internal static void AddDeprecationNotices(this OpenApiOptions options) => options.AddOperationTransformer((operation, context, _) =>
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiDeprecation>().FirstOrDefault() is { } deprecation)
        {
            operation.Deprecated = true;
            operation.Description = $"Deprecated since {deprecation.DeprecatedAt:yyyy-MM-dd}, served until {deprecation.SunsetAt:yyyy-MM-dd}: use {deprecation.Successor}. " +
                "Answers carry Deprecation, Sunset and Link (successor-version) headers.";
        }

        return Task.CompletedTask;
    });
}
