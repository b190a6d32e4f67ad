using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A request that Kestrel finds malformed while the application reads it (a body larger than the endpoint allows, a
/// bad chunk, fewer bytes than its Content-Length, a body that arrives too slowly) gets the status Kestrel chose
/// (400, 408, 413, ...) as problem+json. It is the client's mistake, so it is logged as such, not as a server error.
/// </summary>
internal sealed partial class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> logger) : IExceptionHandler
{
    private const string KestrelCore = "Microsoft.AspNetCore.Server.Kestrel.Core";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (StatusFor(exception, context) is not { } status)
        {
            return false;
        }

        RequestRejected(logger, context.Request.Method, context.Request.Path, status, exception.Message);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = TitleFor(status), Detail = exception.Message },
        });
    }

    // Kestrel reports one framing error as a plain IOException rather than a BadHttpRequestException: a chunk size
    // too large for its counter ("Bad chunk size data.", on an OverflowException). A client that went away is not
    // ours to answer; the exception handler middleware deals with that before any handler sees it.
    private static int? StatusFor(Exception exception, HttpContext context) => exception switch
    {
        BadHttpRequestException rejected => rejected.StatusCode,
        IOException { Source: KestrelCore } when !context.RequestAborted.IsCancellationRequested => StatusCodes.Status400BadRequest,
        _ => null,
    };

    private static string? TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly",
        StatusCodes.Status400BadRequest => "The request is malformed",
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} rejected with {Status}: {Reason}")]
    private static partial void RequestRejected(ILogger logger, string method, string path, int status, string reason);
}
