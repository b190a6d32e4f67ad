namespace TaxiHailing.Passengers;

public static class PassengersSchema
{
    private const string CreateSchema = """
        CREATE TABLE IF NOT EXISTS passengers (
            id              uuid PRIMARY KEY,
            name            text NOT NULL,
            phone           text NOT NULL,
            status          text NOT NULL,
            registered_at   timestamptz NOT NULL,
            idempotency_key text UNIQUE
        );
        """;

    public static Task EnsurePassengersSchemaAsync(this WebApplication app) => app.EnsureDatabaseSchemaAsync(CreateSchema);
}
