namespace TaxiHailing.Notifications;

public static class NotificationsSchema
{
    /// <summary>The NOTIFY channel of new notifications; its payload is the recipient ("passenger:{id}").</summary>
    public const string Channel = "notifications";

    private const string CreateSchema = """

        -- Learnt from TripCreated: whom a trip's dispatch events are for, and how far the trip has got.
        CREATE TABLE IF NOT EXISTS trips (
            trip_id      uuid PRIMARY KEY,
            passenger_id uuid NOT NULL,
            pickup_lat   double precision NOT NULL,
            pickup_lng   double precision NOT NULL,
            driver_id    uuid,
            unserved     boolean NOT NULL DEFAULT false,
            cancelled    boolean NOT NULL DEFAULT false
        );
        -- How far the ride has got (a RideStage); added, so that databases made by earlier versions keep working.
        ALTER TABLE trips ADD COLUMN IF NOT EXISTS stage text NOT NULL DEFAULT 'not-started';

        -- Dispatch events that came before their trip's TripCreated (the two topics are independent), kept in the
        -- order they came until it arrives.
        CREATE TABLE IF NOT EXISTS held_messages (
            id           bigserial PRIMARY KEY,
            trip_id      uuid NOT NULL,
            message_type text NOT NULL,
            body         jsonb NOT NULL,
            held_at      timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS held_messages_trip ON held_messages (trip_id);

        -- The id is the SSE event id: a recipient's ids are handed out in commit order (see NotificationLedger).
        CREATE TABLE IF NOT EXISTS notifications (
            id             bigserial PRIMARY KEY,
            recipient_kind text NOT NULL CHECK (recipient_kind IN ('passenger', 'driver')),
            recipient_id   uuid NOT NULL,
            trip_id        uuid NOT NULL,
            kind           text NOT NULL,
            payload        jsonb NOT NULL,
            created_at     timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS notifications_recipient ON notifications (recipient_kind, recipient_id, id);

        -- Every instance LISTENs on this channel and wakes the recipient's open streams; NOTIFY is delivered only when
        -- the inserting transaction commits, and identical payloads of one transaction arrive once.
        CREATE OR REPLACE FUNCTION notifications_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('notifications', NEW.recipient_kind || ':' || NEW.recipient_id::text);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER notifications_notify AFTER INSERT ON notifications
            FOR EACH ROW EXECUTE FUNCTION notifications_notify();
        """;

    public static Task EnsureNotificationsSchemaAsync(this WebApplication app) => app.EnsureDatabaseSchemaAsync(CreateSchema);
}
