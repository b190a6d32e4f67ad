using Npgsql;

namespace TaxiHailing.Passengers;

public static class PassengersSchema
{
    // The advisory lock keeps two instances starting together from racing on CREATE TABLE IF NOT EXISTS.
    private const string CreateSchema = """
        SELECT pg_advisory_xact_lock(hashtext('TaxiHailing.Passengers schema'));
        CREATE TABLE IF NOT EXISTS passengers (
            id              uuid PRIMARY KEY,
            name            text NOT NULL,
            phone           text NOT NULL,
            status          text NOT NULL,
            registered_at   timestamptz NOT NULL,
            idempotency_key text UNIQUE
        );
        """;

    public static async Task EnsurePassengersSchemaAsync(this WebApplication app)
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(app.Lifetime.ApplicationStopping);
        await using var transaction = await connection.BeginTransactionAsync(app.Lifetime.ApplicationStopping);
        await using var command = new NpgsqlCommand(CreateSchema, connection, transaction);
        await command.ExecuteNonQueryAsync(app.Lifetime.ApplicationStopping);
        await transaction.CommitAsync(app.Lifetime.ApplicationStopping);
    }
}
