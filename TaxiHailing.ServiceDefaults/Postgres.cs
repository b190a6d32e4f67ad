using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class PostgresExtensions
{
    /// <summary>
    /// Registers an <see cref="NpgsqlDataSource"/> for the database whose connection string is named
    /// <paramref name="connectionName"/> (ConnectionStrings:{name}), traced, and checked by /health.
    /// </summary>
    public static TBuilder AddNpgsqlDataSource<TBuilder>(this TBuilder builder, string connectionName)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No connection string named '{connectionName}': set ConnectionStrings:{connectionName} " +
                $"(environment variable ConnectionStrings__{connectionName}).");
        }

        builder.Services.AddNpgsqlDataSource(WithDefaultTimeouts(connectionString));
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>(connectionName);
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return builder;
    }

    /// <summary>
    /// Npgsql waits 15 s for a connection (also for a free one from a full pool) and 30 s for a command: far longer
    /// than anyone waits for an answer. Unless the connection string says otherwise, both are 5 s here, so that a
    /// database that hangs fails a request with a 503 well within its deadline.
    /// </summary>
    internal static string WithDefaultTimeouts(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var withDefaults = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout")) withDefaults.Timeout = DefaultDatabaseTimeoutSeconds;
        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout")) withDefaults.CommandTimeout = DefaultDatabaseTimeoutSeconds;
        return withDefaults.ConnectionString;
    }

    public const int DefaultDatabaseTimeoutSeconds = 5;

    /// <summary>
    /// Runs the service's schema script at start, in one transaction under an advisory lock named after the service,
    /// so that instances starting together do not race on CREATE ... IF NOT EXISTS.
    /// </summary>
    public static async Task EnsureDatabaseSchemaAsync(this IHost app, string script)
    {
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var service = app.Services.GetRequiredService<IHostEnvironment>().ApplicationName;
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(stopping);
        await using var transaction = await connection.BeginTransactionAsync(stopping);
        await using (var exclusive = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext($1))", connection, transaction))
        {
            exclusive.Parameters.Add(new NpgsqlParameter { Value = $"{service} schema" });
            await exclusive.ExecuteNonQueryAsync(stopping);
        }

        await using (var create = new NpgsqlCommand(script, connection, transaction)) await create.ExecuteNonQueryAsync(stopping);
        await transaction.CommitAsync(stopping);
    }

    /// <summary>
    /// A request that fails because the database cannot be reached or refuses more connections gets
    /// 503 problem+json with Retry-After: the client may try again, and nothing it sent was wrong.
    /// </summary>
    private sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, NpgsqlDataSource dataSource) : IExceptionHandler
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

    private sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", exception);
            }
        }
    }
}
