using Microsoft.AspNetCore.Http;

namespace TaxiHailing.Hosting;

/// <summary>
/// Browsers send Origin (and Sec-Fetch-Site) with a cross-site request, even a "simple" text/plain POST that needs no
/// preflight; curl, scripts and the benchmark send neither. So a request that names another origin is refused
/// before it can stop anything.
/// </summary>
internal static class SameOriginOnly
{
    public static async Task Filter(HttpContext context, RequestDelegate next)
    {
        var origin = context.Request.Headers.Origin.ToString();
        var site = context.Request.Headers["Sec-Fetch-Site"].ToString();
        var sameOrigin = origin.Length == 0 || origin == $"{context.Request.Scheme}://{context.Request.Host}";
        if (sameOrigin && site is "" or "same-origin" or "none")
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
            detail: "The control API only acts on requests from scripts or its own origin.").ExecuteAsync(context);
    }
}
