using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using TaxiHailing.Contracts;

namespace TaxiHailing.Notifications;

/// <summary>
/// Trips, held messages and notifications as a message handler changes them: every statement runs in the
/// handler's transaction, so they commit together with the record that the message was handled.
/// </summary>
public sealed class NotificationLedger(NpgsqlTransaction transaction)
{
    /// <summary>
    /// Serializes the handlers of one trip across instances, so that a dispatch event that finds no trip and the
    /// TripCreated that would have let it through cannot miss each other. Taken before any recipient lock.
    /// </summary>
    public async Task LockTripAsync(Guid tripId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "SELECT pg_advisory_xact_lock(hashtext('TaxiHailing.Notifications trip'), $1)", AdvisoryLocks.KeyOf(tripId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<TripRecord?> FindTripAsync(Guid tripId, CancellationToken cancellationToken)
    {
        await using var select = Command(
            "SELECT passenger_id, pickup_lat, pickup_lng, driver_id, unserved, cancelled, stage FROM trips WHERE trip_id = $1", tripId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new TripRecord(
            tripId,
            PassengerId: reader.GetGuid(0),
            Pickup: new GeoPoint(reader.GetDouble(1), reader.GetDouble(2)),
            DriverId: await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetGuid(3),
            Unserved: reader.GetBoolean(4),
            Cancelled: reader.GetBoolean(5),
            Stage: RideStages.Parse(reader.GetString(6)));
    }

    public async Task SaveTripAsync(TripRecord trip, CancellationToken cancellationToken)
    {
        await using var upsert = Command(
            """
            INSERT INTO trips (trip_id, passenger_id, pickup_lat, pickup_lng, driver_id, unserved, cancelled, stage)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (trip_id) DO UPDATE
                SET driver_id = EXCLUDED.driver_id, unserved = EXCLUDED.unserved, cancelled = EXCLUDED.cancelled, stage = EXCLUDED.stage
            """,
            trip.TripId, trip.PassengerId, trip.Pickup.Lat, trip.Pickup.Lng, (object?)trip.DriverId ?? DBNull.Value, trip.Unserved, trip.Cancelled,
            trip.Stage.Name());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Keeps a message of a trip not known yet, to be applied when its TripCreated arrives.</summary>
    public async Task HoldAsync(Guid tripId, string messageType, byte[] body, CancellationToken cancellationToken)
    {
        await using var insert = Command("INSERT INTO held_messages (trip_id, message_type, body) VALUES ($1, $2, $3)",
            tripId, messageType, new NpgsqlParameter { Value = Encoding.UTF8.GetString(body), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes and returns the messages held for a trip, in the order they arrived.</summary>
    public async Task<IReadOnlyList<HeldMessage>> TakeHeldAsync(Guid tripId, CancellationToken cancellationToken)
    {
        await using var delete = Command("DELETE FROM held_messages WHERE trip_id = $1 RETURNING id, message_type, body::text", tripId);
        await using var reader = await delete.ExecuteReaderAsync(cancellationToken);
        var held = new List<HeldMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(new HeldMessage(reader.GetInt64(0), reader.GetString(1), Encoding.UTF8.GetBytes(reader.GetString(2))));
        }

        return [.. held.OrderBy(message => message.Id)];
    }

    /// <summary>
    /// Stores the notifications, numbered in order, and returns their ids. The recipients' locks come first, so
    /// that a recipient's ids are handed out in commit order: a stream that has sent id n never later finds a
    /// smaller id committed for the same recipient (which would be a gap it could not notice).
    /// </summary>
    public async Task<IReadOnlyList<long>> DeliverAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        foreach (var key in AdvisoryLocks.RecipientKeysInLockOrder(notifications))
        {
            await using var command = Command("SELECT pg_advisory_xact_lock(hashtext('TaxiHailing.Notifications recipient'), $1)", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var ids = new List<long>(notifications.Count);
        foreach (var notification in notifications)
        {
            await using var insert = Command(
                "INSERT INTO notifications (recipient_kind, recipient_id, trip_id, kind, payload) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                notification.Recipient.KindName, notification.Recipient.Id, notification.TripId, notification.Kind,
                new NpgsqlParameter { Value = NotificationJson.Serialize(notification.Payload), NpgsqlDbType = NpgsqlDbType.Jsonb });
            ids.Add((long)(await insert.ExecuteScalarAsync(cancellationToken))!);
        }

        return ids;
    }

    private NpgsqlCommand Command(string sql, params object[] values) => transaction.Command(sql, values);
}

public sealed record HeldMessage(long Id, string MessageType, byte[] Body);

/// <summary>Keys of the advisory locks the handlers take: stable across processes, unlike <see cref="object.GetHashCode"/>.</summary>
public static class AdvisoryLocks
{
    /// <summary>A 32-bit key for an id; two ids may share a key, and then merely share a lock.</summary>
    public static int KeyOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        var key = 17;
        for (var i = 0; i < 16; i += 4)
        {
            key = unchecked(key * 31) ^ BinaryPrimitives.ReadInt32LittleEndian(bytes[i..]);
        }

        return key;
    }

    /// <summary>The recipients' lock keys, each once, in ascending order: every handler locks in this order, so none deadlocks another.</summary>
    public static IReadOnlyList<int> RecipientKeysInLockOrder(IEnumerable<Notification> notifications) =>
        [.. notifications.Select(notification => KeyOf(notification.Recipient.Id)).Distinct().Order()];
}

/// <summary>The payload as stored and sent: camelCase, with the fields of its kind.</summary>
public static class NotificationJson
{
    public static string Serialize(NotificationPayload payload) =>
        JsonSerializer.Serialize(payload, NotificationsJsonContext.Default.NotificationPayload);
}
