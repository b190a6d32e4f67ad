namespace TaxiHailing.Drivers;

public static class DriversSchema
{
    // Plates are unique as a vehicle is identified: "AB19 CDE", "ab19cde" and "AB19-CDE" are one plate (the body
    // stores them upper-case). cancelled_trips remembers cancellations, because a trip's DriverAssigned (on the
    // dispatch channel) may arrive after its TripCancelled (on the trips channel). driver_offers is the drivers' inbox
    // of trips offered to them: one row per offer and driver, with where and under which correlation id to answer.
    // driver_trips is what each driver does on the trips they were given, from assignment to its end.
    private const string CreateSchema = """
        CREATE TABLE IF NOT EXISTS drivers (
            id              uuid PRIMARY KEY,
            name            text NOT NULL,
            vehicle_make    text NOT NULL,
            vehicle_model   text NOT NULL,
            vehicle_colour  text NOT NULL,
            vehicle_plate   text NOT NULL,
            online          boolean NOT NULL,
            lat             double precision,
            lng             double precision,
            current_trip_id uuid,
            registered_at   timestamptz NOT NULL,
            idempotency_key text UNIQUE,
            CONSTRAINT drivers_position_complete CHECK ((lat IS NULL) = (lng IS NULL)),
            CONSTRAINT drivers_online_have_a_position CHECK (NOT online OR lat IS NOT NULL)
        );
        CREATE UNIQUE INDEX IF NOT EXISTS drivers_vehicle_plate ON drivers ((translate(vehicle_plate, ' -', '')));
        CREATE INDEX IF NOT EXISTS drivers_current_trip ON drivers (current_trip_id) WHERE current_trip_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS cancelled_trips (
            trip_id      uuid PRIMARY KEY,
            cancelled_at timestamptz NOT NULL
        );
        CREATE TABLE IF NOT EXISTS driver_offers (
            offer_id          uuid NOT NULL,
            driver_id         uuid NOT NULL REFERENCES drivers (id),
            trip_id           uuid NOT NULL,
            round             integer NOT NULL,
            pickup_lat        double precision NOT NULL,
            pickup_lng        double precision NOT NULL,
            dropoff_lat       double precision NOT NULL,
            dropoff_lng       double precision NOT NULL,
            offered_at        timestamptz NOT NULL,
            answer_by         timestamptz NOT NULL,
            reply_to          text NOT NULL,
            correlation_id    text NOT NULL,
            trace_parent      text,
            trace_state       text,
            state             text NOT NULL DEFAULT 'open',
            answered_at       timestamptz,
            withdrawn_at      timestamptz,
            withdrawal_reason text,
            PRIMARY KEY (offer_id, driver_id),
            CONSTRAINT driver_offers_state CHECK (state IN ('open', 'accepted', 'declined', 'withdrawn'))
        );
        CREATE INDEX IF NOT EXISTS driver_offers_open ON driver_offers (driver_id, answer_by) WHERE state = 'open';
        CREATE INDEX IF NOT EXISTS driver_offers_trip ON driver_offers (trip_id, driver_id);
        CREATE TABLE IF NOT EXISTS driver_trips (
            trip_id      uuid PRIMARY KEY,
            driver_id    uuid NOT NULL REFERENCES drivers (id),
            pickup_lat   double precision NOT NULL,
            pickup_lng   double precision NOT NULL,
            dropoff_lat  double precision NOT NULL,
            dropoff_lng  double precision NOT NULL,
            stage        text NOT NULL,
            assigned_at  timestamptz NOT NULL,
            arriving_at  timestamptz,
            arrived_at   timestamptz,
            picked_up_at timestamptz,
            ended_at     timestamptz,
            distance_km  double precision NOT NULL DEFAULT 0,
            end_reason   text,
            CONSTRAINT driver_trips_stage CHECK (stage IN ('assigned', 'arriving', 'arrived', 'in-progress', 'completed', 'cancelled', 'abandoned'))
        );
        CREATE INDEX IF NOT EXISTS driver_trips_not_started ON driver_trips (assigned_at) WHERE stage IN ('assigned', 'arriving', 'arrived');
        """;

    public static Task EnsureDriversSchemaAsync(this WebApplication app) => app.EnsureDatabaseSchemaAsync(CreateSchema);
}
