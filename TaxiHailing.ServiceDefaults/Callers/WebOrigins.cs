using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>The web origins whose pages may call this service from a browser (section "Cors"); none by default.</summary>
public sealed class WebOriginOptions
{
    public const string Section = "Cors";

    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>
/// Browsers: CORS for the project's own web origins only, and no state-changing request from a page of any other
/// origin, even the "simple" ones a browser sends without asking first (403, nothing done).
/// </summary>
public static class WebOrigins
{
    private static readonly string[] SafeMethods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Options];

    internal static void AddWebOrigins(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOriginOptions>().BindConfiguration(WebOriginOptions.Section)
            .Validate(options => options.AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.PathAndQuery == "/"),
                $"{WebOriginOptions.Section}:AllowedOrigins must be origins such as https://app.example.com (scheme, host, port; no path).")
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<WebOriginOptions>>((cors, origins) => cors.AddDefaultPolicy(policy => policy
                .WithOrigins(origins.Value.AllowedOrigins)
                .AllowAnyHeader()
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
                .WithExposedHeaders("Location", "Retry-After")));
    }

    internal static void UseWebOrigins(this WebApplication app)
    {
        app.UseCors();
        app.Use(async (context, next) =>
        {
            if (IsFromForeignPage(context.Request, context.RequestServices.GetRequiredService<IOptions<WebOriginOptions>>().Value))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Cross-site request refused",
                        Detail = "A page of another web origin may not change anything here.",
                    },
                });
                return;
            }

            await next(context);
        });
    }

    private static bool IsFromForeignPage(HttpRequest request, WebOriginOptions options)
    {
        if (SafeMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)) return false;
        if (request.Headers.Origin.ToString() is { Length: > 0 } origin)
        {
            var own = $"{request.Scheme}://{request.Host}";
            return !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
                && !options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);
        }

        // Without Origin, a browser that says where the request came from still says whether it was another site.
        return string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase);
    }
}
