namespace TaxiHailing.Trips;

public static class TripsSchema
{
    /// <summary>The NOTIFY channel of trip progress; its payload is the trip id.</summary>
    public const string ProgressChannel = "trip_progress";

    /// <summary>The unique index that lets a passenger hold one open trip at most.</summary>
    public const string OneOpenTripPerPassenger = "trips_one_open_per_passenger";

    /// <summary>SQL: the trip is not over yet.</summary>
    public const string IsOpen = "state NOT IN ('unserved', 'cancelled', 'completed')";

    private const string CreateSchema = $$"""
        CREATE TABLE IF NOT EXISTS trips (
            id              uuid PRIMARY KEY,
            passenger_id    uuid NOT NULL,
            pickup_lat      double precision NOT NULL,
            pickup_lng      double precision NOT NULL,
            dropoff_lat     double precision NOT NULL,
            dropoff_lng     double precision NOT NULL,
            state           text NOT NULL,
            requested_at    timestamptz NOT NULL,
            cancelled_at    timestamptz,
            idempotency_key text
        );
        CREATE INDEX IF NOT EXISTS trips_passenger_id ON trips (passenger_id);
        -- What the Dispatcher decided; added columns keep databases made by earlier versions working.
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS driver_id uuid;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS driver_name text;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS vehicle_make text;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS vehicle_model text;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS vehicle_colour text;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS vehicle_plate text;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS eta_seconds integer;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS assigned_at timestamptz;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS unserved_reason text;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS passenger_verification text NOT NULL DEFAULT 'live';
        -- The ride, as the driver's steps tell it, and its price.
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS arriving_at timestamptz;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS arrived_at timestamptz;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS picked_up_at timestamptz;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS completed_at timestamptz;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS distance_km double precision;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS duration_seconds integer;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS fare_amount numeric(10, 2);
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS fare_currency text;
        -- What was booked (API v2): trips from before it read as standard rides with no addresses and no estimate.
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS product text NOT NULL DEFAULT 'standard';
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS pickup_address text;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS dropoff_address text;
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS fare_estimate_amount numeric(10, 2);
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS fare_estimate_currency text;
        CREATE UNIQUE INDEX IF NOT EXISTS {{OneOpenTripPerPassenger}} ON trips (passenger_id) WHERE {{IsOpen}};
        -- Idempotency keys are each passenger's own: another passenger's key must neither collide nor find their trip.
        CREATE UNIQUE INDEX IF NOT EXISTS trips_passenger_idempotency_key ON trips (passenger_id, idempotency_key);
        ALTER TABLE trips DROP CONSTRAINT IF EXISTS trips_idempotency_key_key;

        -- The passenger directory's last word on each passenger who rode: the fallback while it cannot answer.
        CREATE TABLE IF NOT EXISTS verified_passengers (
            passenger_id uuid PRIMARY KEY,
            verified_at  timestamptz NOT NULL
        );

        CREATE TABLE IF NOT EXISTS trip_progress (
            id      bigserial PRIMARY KEY,
            trip_id uuid NOT NULL,
            kind    text NOT NULL,
            trip    jsonb NOT NULL,
            at      timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS trip_progress_trip ON trip_progress (trip_id, id);
        CREATE OR REPLACE FUNCTION trip_progress_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('trip_progress', NEW.trip_id::text);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER trip_progress_notify AFTER INSERT ON trip_progress
            FOR EACH ROW EXECUTE FUNCTION trip_progress_notify();
        """;

    public static Task EnsureTripsSchemaAsync(this WebApplication app) => app.EnsureDatabaseSchemaAsync(CreateSchema);
}
