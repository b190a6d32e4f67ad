using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A request that fails because the database cannot be reached or refuses more connections gets
/// 503 problem+json with Retry-After: the client may try again, and nothing it sent was wrong.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, NpgsqlDataSource dataSource) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (NpgsqlException { IsTransient: true } or PostgresException { SqlState: PostgresErrorCodes.TooManyConnections }))
        {
            return false;
        }

        // Idle pooled connections to a server that went away are broken too: drop them, so that the next
        // requests connect afresh instead of failing one by one.
        dataSource.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The database is unavailable", Detail = "Try again shortly." },
        });
    }
}
