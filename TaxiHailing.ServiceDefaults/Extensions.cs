using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The cross-cutting defaults every TaxiHailing service applies, in the shape of the Aspire service defaults:
/// telemetry, health checks, service discovery, resilience on every HttpClient, a deadline and a body limit on every
/// request, RFC 9457 problem details for every error (malformed requests included), bearer-token authentication,
/// per-caller rate limits and browser-facing protections.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    // How long stopping may wait for requests and background work (30 s by default): an orchestrator that sends
    // SIGTERM kills a little later, and a killed process leaves its diagnostics socket in /tmp.
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4);

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ApiDocumentGeneration.ConfigureFor(builder);
        builder.ConfigureConsoleLogging();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddRequestDeadlines();
        builder.AddCallerAuthentication();
        builder.AddCallerRateLimits();
        builder.AddWebOrigins();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        AppHostWatch.AddTo(builder);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        // Ahead of the framework's writer, which AddProblemDetails adds: the first writer that can write a problem does.
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.AddRequestBodyLimits();
        // Ahead of the reflection-based resolver, which would otherwise write the admin API's enums as numbers.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ServiceDefaultsJsonContext.Default));
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseApiDeprecations();
        app.UseWebOrigins();
        // Here rather than where ASP.NET Core would put them (first): a 401 or 403 then gets its problem+json body.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseRequestDeadlines();

        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        app.MapDependencyAdmin();
        app.MapDevelopmentSignIn();
        return app;
    }

    private static void AddDefaultHealthChecks(this IHostApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

    // One line per entry, with the log scopes, so that the AppHost can prefix each line with the resource name and
    // every request's trace id shows in its logs.
    private static void ConfigureConsoleLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.IncludeScopes = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
    }
}
