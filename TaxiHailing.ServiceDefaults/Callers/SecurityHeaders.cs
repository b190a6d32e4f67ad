using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Headers that keep a browser from misusing an API answer: no content sniffing, no framing, no referrer, and no
/// active content at all, except on the Development API reference, which is a web page of its own.
/// </summary>
internal static class SecurityHeaders
{
    private const string ApiOnly = "default-src 'none'; frame-ancestors 'none'";

    // When the response starts: an error handler that clears the response on the way would drop them otherwise.
    public static void UseSecurityHeaders(this WebApplication app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!context.Request.Path.StartsWithSegments("/scalar")) headers.ContentSecurityPolicy = ApiOnly;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
