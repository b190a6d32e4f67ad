using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseSchemaExtensions
{
    /// <summary>
    /// Runs the service's schema script at start, in one transaction under an advisory lock named after the service,
    /// so that instances starting together do not race on CREATE ... IF NOT EXISTS (and not while the build writes
    /// the OpenAPI documents).
    /// </summary>
    public static async Task EnsureDatabaseSchemaAsync(this IHost app, string script)
    {
        if (ApiDocumentGeneration.IsRunning) return;
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
}
