using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace TaxiHailing.Hosting;

/// <summary>Connects to a server or database; creates databases on a server that is ready.</summary>
internal static class PostgresProbe
{
    public static async Task<HealthCheckResult> CheckAsync(IResourceWithConnectionString target, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(target, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(exception.Message, exception);
        }
    }

    public static async Task CreateDatabaseAsync(IResourceWithConnectionString server, string database, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(server, cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        try
        {
            // Aspire resource names are letters, digits and dashes, so quoting is all the escaping needed.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(IResourceWithConnectionString target, CancellationToken cancellationToken)
    {
        var connectionString = await target.GetConnectionStringAsync(cancellationToken)
            ?? throw new InvalidOperationException($"{target.Name} has no connection string yet.");
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 2, Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
