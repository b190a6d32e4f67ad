using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class ServiceDatabaseExtensions
{
    public const int DefaultDatabaseTimeoutSeconds = 5;

    /// <summary>
    /// The service's own database, ConnectionStrings:{<paramref name="connectionName"/>}, as an
    /// <see cref="NpgsqlDataSource"/> from Aspire.Npgsql (which adds its health check, tracing and metrics), with
    /// our timeouts, spans only inside traced work, and 503 for a request that finds the database unreachable.
    /// </summary>
    public static TBuilder AddServiceDatabase<TBuilder>(this TBuilder builder, string connectionName)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDataSource(connectionName,
            settings => settings.ConnectionString = WithDefaultTimeouts(settings.ConnectionString is { Length: > 0 } given
                ? given
                : throw new InvalidOperationException(
                    $"No connection string named '{connectionName}': set ConnectionStrings:{connectionName} " +
                    $"(environment variable ConnectionStrings__{connectionName}).")),
            dataSource => dataSource.TraceOnlyInsideTracedWork());
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
}
