namespace TaxiHailing.Dispatcher;

public static class DispatchSchema
{
    // The drivers are the Drivers service's, as its events describe them; available = online and not on a trip.
    // Positions live apart because location reports come on their own channel, possibly before the registration.
    // An unserved trip keeps its assignments row, with no driver, so that a repeated TripCreated finds it decided.
    private const string CreateSchema = """
        CREATE TABLE IF NOT EXISTS drivers (
            id              uuid PRIMARY KEY,
            name            text NOT NULL,
            vehicle_make    text NOT NULL,
            vehicle_model   text NOT NULL,
            vehicle_colour  text NOT NULL,
            vehicle_plate   text NOT NULL,
            online          boolean NOT NULL DEFAULT false,
            available       boolean NOT NULL,
            current_trip_id uuid UNIQUE
        );
        CREATE TABLE IF NOT EXISTS driver_positions (
            driver_id   uuid PRIMARY KEY,
            lat         double precision NOT NULL,
            lng         double precision NOT NULL,
            reported_at timestamptz NOT NULL
        );
        CREATE TABLE IF NOT EXISTS assignments (
            trip_id    uuid PRIMARY KEY,
            driver_id  uuid REFERENCES drivers (id),
            decided_at timestamptz NOT NULL
        );
        """;

    public static Task EnsureDispatchSchemaAsync(this WebApplication app) => app.EnsureDatabaseSchemaAsync(CreateSchema);
}
