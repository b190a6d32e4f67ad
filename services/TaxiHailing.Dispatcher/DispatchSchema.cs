namespace TaxiHailing.Dispatcher;

public static class DispatchSchema
{
    // The drivers are the Drivers service's, as its events describe them; available = online and not on a trip
    // (a driver being asked to confirm is held, as on a trip). Positions live apart because location reports come on
    // their own channel, possibly before the registration.
    // A trip's dispatch goes through rounds of offers; due_at is when its current stage (an offer's window, or a
    // confirmation request) runs out, and is null once the dispatch is over. Every offer, answer and confirmation is
    // kept, including the answers that came too late, so that GET /v1/dispatches/{tripId} can tell the whole story.
    // An unserved trip keeps its assignments row, with no driver. The product and the fare estimate come from
    // trips.trip-created.v2: dispatches started from v1, before the Dispatcher read v2, have none.
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
        CREATE TABLE IF NOT EXISTS dispatches (
            trip_id         uuid PRIMARY KEY,
            pickup_lat      double precision NOT NULL,
            pickup_lng      double precision NOT NULL,
            dropoff_lat     double precision NOT NULL,
            dropoff_lng     double precision NOT NULL,
            correlation_id  text NOT NULL,
            trace_parent    text,
            trace_state     text,
            stage           text NOT NULL,
            round           integer NOT NULL,
            offer_id        uuid,
            confirmation_id uuid,
            due_at          timestamptz,
            started_at      timestamptz NOT NULL
        );
        ALTER TABLE dispatches ADD COLUMN IF NOT EXISTS product text;
        ALTER TABLE dispatches ADD COLUMN IF NOT EXISTS fare_estimate_amount numeric;
        ALTER TABLE dispatches ADD COLUMN IF NOT EXISTS fare_estimate_currency text;
        CREATE INDEX IF NOT EXISTS dispatches_due ON dispatches (due_at) WHERE due_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS offers (
            offer_id   uuid PRIMARY KEY,
            trip_id    uuid NOT NULL,
            round      integer NOT NULL,
            radius_km  double precision NOT NULL,
            driver_ids uuid[] NOT NULL,
            offered_at timestamptz NOT NULL,
            answer_by  timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS offers_trip ON offers (trip_id);
        CREATE TABLE IF NOT EXISTS offer_answers (
            offer_id    uuid NOT NULL REFERENCES offers (offer_id),
            driver_id   uuid NOT NULL,
            accepted    boolean NOT NULL,
            eta_seconds integer,
            answered_at timestamptz NOT NULL,
            received_at timestamptz NOT NULL,
            late        boolean NOT NULL,
            PRIMARY KEY (offer_id, driver_id)
        );
        CREATE TABLE IF NOT EXISTS confirmations (
            confirmation_id uuid PRIMARY KEY,
            trip_id         uuid NOT NULL,
            driver_id       uuid NOT NULL,
            requested_at    timestamptz NOT NULL,
            answer_by       timestamptz NOT NULL,
            outcome         text,
            reason          text,
            settled_at      timestamptz,
            late_answer     text
        );
        CREATE INDEX IF NOT EXISTS confirmations_trip ON confirmations (trip_id);
        """;

    public static Task EnsureDispatchSchemaAsync(this WebApplication app) => app.EnsureDatabaseSchemaAsync(CreateSchema);
}
