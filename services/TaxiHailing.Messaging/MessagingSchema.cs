using Npgsql;

namespace TaxiHailing.Messaging;

/// <summary>The outbox and processed-messages tables, in the owning service's own database.</summary>
internal static class MessagingSchema
{
    private const string Sql = """
        SELECT pg_advisory_xact_lock(hashtext('TaxiHailing.Messaging schema'));

        CREATE TABLE IF NOT EXISTS outbox_messages (
            position     bigserial PRIMARY KEY,
            message_id   uuid NOT NULL UNIQUE,
            topic        text NOT NULL,
            message_key  text NOT NULL,
            message_type text NOT NULL,
            headers      jsonb NOT NULL,
            body         bytea NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now(),
            published_at timestamptz
        );
        CREATE INDEX IF NOT EXISTS outbox_messages_unpublished ON outbox_messages (position) WHERE published_at IS NULL;

        -- The relay listens on this channel; NOTIFY is delivered only when the inserting transaction commits.
        CREATE OR REPLACE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('outbox_messages', '');
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
            FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();

        CREATE TABLE IF NOT EXISTS processed_messages (
            consumer     text NOT NULL,
            message_id   uuid NOT NULL,
            processed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (consumer, message_id)
        );
        """;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
