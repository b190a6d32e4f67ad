using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>The server side's bound on a request (section "RequestTimeouts").</summary>
public sealed class RequestDeadlineOptions
{
    public const string Section = "RequestTimeouts";

    /// <summary>How long any request may run; streams (text/event-stream) and endpoints with DisableRequestTimeout are exempt.</summary>
    public TimeSpan Default { get; set; } = TimeSpan.FromSeconds(10);
}

public static class RequestDeadlineExtensions
{
    internal static void AddRequestDeadlines(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestDeadlineOptions>().BindConfiguration(RequestDeadlineOptions.Section)
            .Validate(options => options.Default > TimeSpan.Zero && options.Default <= TimeSpan.FromMinutes(10),
                $"{RequestDeadlineOptions.Section}:Default must be greater than 0 and at most 10 minutes.")
            .ValidateOnStart();
    }

    internal static void UseRequestDeadlines(this WebApplication app) => app.UseMiddleware<RequestDeadlineMiddleware>();
}

/// <summary>
/// Cancels a request (through HttpContext.RequestAborted, which every handler passes down to its database and HTTP
/// calls) once it has run for its deadline, and answers 503 problem+json with Retry-After if nothing was sent yet.
/// Our own middleware rather than ASP.NET Core's request timeouts, so that every server-sent event stream is
/// exempt by what it produces, without each service having to remember to opt out.
/// </summary>
internal sealed partial class RequestDeadlineMiddleware(
    RequestDelegate next, IOptionsMonitor<RequestDeadlineOptions> options, IProblemDetailsService problems, ILogger<RequestDeadlineMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint || IsExempt(endpoint))
        {
            await next(context);
            return;
        }

        var timeout = options.CurrentValue.Default;
        var original = context.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(original);
        deadline.CancelAfter(timeout);
        context.RequestAborted = deadline.Token;
        try
        {
            await next(context);
        }
        // Whatever a handler throws once its deadline has passed is the deadline's doing, not only the cancellation
        // itself: a resilience strategy's own timeout that fires at the same moment throws TimeoutRejectedException.
        catch (Exception) when (deadline.IsCancellationRequested && !original.IsCancellationRequested && !context.Response.HasStarted)
        {
            DeadlineExceeded(logger, context.Request.Method, context.Request.Path, timeout);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The request took too long", Detail = $"It was stopped after {timeout.TotalSeconds:0.#} s; try again shortly." },
            });
        }
        finally
        {
            context.RequestAborted = original;
        }
    }

    private static bool IsExempt(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<DisableRequestTimeoutAttribute>() is not null
        || endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Any(produces => produces.ContentTypes.Contains("text/event-stream"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} stopped after its deadline of {Timeout}")]
    private static partial void DeadlineExceeded(ILogger logger, string method, string path, TimeSpan timeout);
}
