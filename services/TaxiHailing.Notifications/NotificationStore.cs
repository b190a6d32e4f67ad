using Microsoft.Extensions.Options;
using Npgsql;

namespace TaxiHailing.Notifications;

/// <summary>A recipient's notifications as the streams and the list read them, in id order.</summary>
public sealed class NotificationStore(NpgsqlDataSource dataSource, TimeProvider clock, IOptions<NotificationsOptions> options)
{
    /// <summary>
    /// The id to read after. Without one: just before the recipient's first notification within the replay
    /// window, or after their last one when the window is empty, so that only what comes next is sent.
    /// </summary>
    public async Task<long> StartAfterAsync(Recipient recipient, ResumePoint resumePoint, CancellationToken cancellationToken)
    {
        if (resumePoint.AfterId is { } afterId)
        {
            return afterId;
        }

        await using var select = dataSource.CreateCommand(
            """
            SELECT coalesce(
                (SELECT min(id) - 1 FROM notifications WHERE recipient_kind = $1 AND recipient_id = $2 AND created_at >= $3),
                (SELECT max(id) FROM notifications WHERE recipient_kind = $1 AND recipient_id = $2),
                0)
            """);
        select.Parameters.Add(new NpgsqlParameter { Value = recipient.KindName });
        select.Parameters.Add(new NpgsqlParameter { Value = recipient.Id });
        select.Parameters.Add(new NpgsqlParameter { Value = ResumePoint.ReplaySince(clock.GetUtcNow(), options.Value.ReplayWindow) });
        return (long)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<StoredNotification>> ReadAfterAsync(
        Recipient recipient, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(
            """
            SELECT id, trip_id, kind, payload::text, created_at FROM notifications
            WHERE recipient_kind = $1 AND recipient_id = $2 AND id > $3
            ORDER BY id
            LIMIT $4
            """);
        select.Parameters.Add(new NpgsqlParameter { Value = recipient.KindName });
        select.Parameters.Add(new NpgsqlParameter { Value = recipient.Id });
        select.Parameters.Add(new NpgsqlParameter { Value = afterId });
        select.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var notifications = new List<StoredNotification>();
        while (await reader.ReadAsync(cancellationToken))
        {
            notifications.Add(new StoredNotification(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return notifications;
    }
}

/// <summary>A stored notification: its id (the SSE event id), its kind (the event name) and its payload (the data) as JSON.</summary>
public sealed record StoredNotification(long Id, Guid TripId, string Kind, string PayloadJson, DateTimeOffset CreatedAt);
