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
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException rejected)
        {
            return false;
        }

        RequestRejected(logger, context.Request.Method, context.Request.Path, rejected.StatusCode, rejected.Message);
        context.Response.StatusCode = rejected.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = rejected.StatusCode, Title = TitleFor(rejected.StatusCode), Detail = rejected.Message },
        });
    }

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
