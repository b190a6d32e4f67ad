using Npgsql;

namespace TaxiHailing.Dispatcher;

public static class DispatchSchema
{
    // The advisory lock keeps two instances starting together from racing on CREATE TABLE IF NOT EXISTS.
    // An unserved trip keeps its assignments row, with no driver, so that a repeated TripCreated finds it decided.
    private const string CreateSchema = """
        SELECT pg_advisory_xact_lock(hashtext('TaxiHailing.Dispatcher schema'));
        CREATE TABLE IF NOT EXISTS drivers (
            id              uuid PRIMARY KEY,
            name            text NOT NULL,
            vehicle_make    text NOT NULL,
            vehicle_model   text NOT NULL,
            vehicle_colour  text NOT NULL,
            vehicle_plate   text NOT NULL UNIQUE,
            lat             double precision NOT NULL,
            lng             double precision NOT NULL,
            available       boolean NOT NULL,
            current_trip_id uuid UNIQUE
        );
        CREATE TABLE IF NOT EXISTS assignments (
            trip_id    uuid PRIMARY KEY,
            driver_id  uuid REFERENCES drivers (id),
            decided_at timestamptz NOT NULL
        );
        """;

    public static async Task EnsureDispatchSchemaAsync(this WebApplication app)
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(app.Lifetime.ApplicationStopping);
        await using var transaction = await connection.BeginTransactionAsync(app.Lifetime.ApplicationStopping);
        await using var command = new NpgsqlCommand(CreateSchema, connection, transaction);
        await command.ExecuteNonQueryAsync(app.Lifetime.ApplicationStopping);
        await transaction.CommitAsync(app.Lifetime.ApplicationStopping);
    }
}
