using Npgsql;
using NpgsqlTypes;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers;

/// <summary>
/// Every change to the drivers' offers, inside one transaction. An answer writes its OfferAnswered to the outbox in
/// the same transaction that records it, so it is sent if and only if it was recorded. The HTTP API (drivers' phones)
/// and the simulated fleet both answer through here, so both send exactly the same thing.
/// </summary>
public sealed class OfferLedger(NpgsqlTransaction transaction, Outbox outbox, TimeProvider clock)
{
    /// <summary>
    /// Opens the offer for each listed driver registered here, remembering where to answer and the current trace;
    /// returns the drivers it was opened for (an offer seen before opens nothing again).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ReceiveAsync(TripOffered offer, ReplyAddress replyTo, CancellationToken cancellationToken)
    {
        var (traceParent, traceState) = DriversTelemetry.CurrentContext();
        await using var insert = transaction.Command("""
            INSERT INTO driver_offers (offer_id, driver_id, trip_id, round, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng,
                                       offered_at, answer_by, reply_to, correlation_id, trace_parent, trace_state)
            SELECT $1, id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 FROM drivers WHERE id = ANY($14)
            ON CONFLICT DO NOTHING
            RETURNING driver_id
            """, offer.OfferId, offer.TripId, offer.Round, offer.Pickup.Lat, offer.Pickup.Lng, offer.Dropoff.Lat, offer.Dropoff.Lng,
            PostgresSql.Stored(offer.OfferedAt), PostgresSql.Stored(offer.AnswerBy), replyTo.Topic, replyTo.CorrelationId);
        insert.Parameters.Add(Text(traceParent));
        insert.Parameters.Add(Text(traceState));
        insert.Parameters.Add(new NpgsqlParameter { Value = offer.DriverIds.Distinct().ToArray() });
        return await ReadIdsAsync(insert, cancellationToken);
    }

    /// <summary>Withdraws the offer from the listed drivers whose offer is open or accepted; returns those drivers.</summary>
    public async Task<IReadOnlyList<Guid>> WithdrawAsync(OfferWithdrawn withdrawal, CancellationToken cancellationToken)
    {
        await using var update = transaction.Command("""
            UPDATE driver_offers SET state = 'withdrawn', withdrawn_at = $3, withdrawal_reason = $4
            WHERE offer_id = $1 AND driver_id = ANY($2) AND state IN ('open', 'accepted')
            RETURNING driver_id
            """, withdrawal.OfferId, withdrawal.DriverIds.ToArray(), PostgresSql.Stored(withdrawal.WithdrawnAt), withdrawal.Reason);
        return await ReadIdsAsync(update, cancellationToken);
    }

    /// <summary>
    /// Records the driver's answer and writes it, as an <see cref="OfferAnswered"/> with the driver's current position,
    /// to the offer's reply-to channel under its correlation id, in the offer's trace. The same answer again changes
    /// nothing; another answer, a withdrawn or expired offer, or an offline driver accepting, is refused.
    /// </summary>
    public async Task<OfferAnswerOutcome> AnswerAsync(Guid driverId, Guid offerId, bool accept, CancellationToken cancellationToken)
    {
        // The driver first, as availability changes lock them: the driver cannot go offline while accepting.
        await using var selectDriver = transaction.Command("SELECT online, lat, lng FROM drivers WHERE id = $1 FOR SHARE", driverId);
        await using var driver = await selectDriver.ExecuteReaderAsync(cancellationToken);
        if (!await driver.ReadAsync(cancellationToken)) return new OfferAnswerOutcome.UnknownDriver();
        var online = driver.GetBoolean(0);
        var position = await driver.IsDBNullAsync(1, cancellationToken) ? null : new GeoPoint(driver.GetDouble(1), driver.GetDouble(2));
        await driver.CloseAsync();

        await using var selectOffer = transaction.Command(
            $"SELECT {OfferRows.Columns} FROM driver_offers WHERE offer_id = $1 AND driver_id = $2 FOR UPDATE", offerId, driverId);
        if (await OfferRows.ReadSingleAsync(selectOffer, cancellationToken) is not { } offer) return new OfferAnswerOutcome.UnknownOffer();

        var answer = accept ? OfferState.Accepted : OfferState.Declined;
        var now = clock.StoredNow();
        if (offer.State == answer) return new OfferAnswerOutcome.Repeated(offer);
        if (offer.State == OfferState.Withdrawn) return new OfferAnswerOutcome.Withdrawn(offer);
        if (offer.State != OfferState.Open) return new OfferAnswerOutcome.AlreadyAnswered(offer);
        if (now > offer.AnswerBy) return new OfferAnswerOutcome.Expired(offer);
        if (accept && (!online || position is null)) return new OfferAnswerOutcome.DriverOffline(offer);

        await using var update = transaction.Command($"""
            UPDATE driver_offers SET state = $3, answered_at = $4 WHERE offer_id = $1 AND driver_id = $2
            RETURNING {OfferRows.Columns}
            """, offerId, driverId, OfferRows.Name(answer), now);
        var answered = await OfferRows.ReadSingleAsync(update, cancellationToken)
            ?? throw new InvalidOperationException($"Offer {offerId} of driver {driverId}, locked a moment ago, has gone.");
        using (DriversTelemetry.StartAnswer(offer, accept))
        {
            var message = new OfferAnswered(offer.TripId, driverId, accept, position, now);
            await outbox.AddReplyAsync(transaction, offer.ReplyTo, offer.TripId.ToString(), message, causationId: null, cancellationToken);
        }

        return new OfferAnswerOutcome.Answered(answered);
    }

    /// <summary>
    /// Why the driver cannot take the trip the Dispatcher wants to give them, or null when they can: they exist, are
    /// online, are free (or already on this trip), accepted an offer of it, and it was not cancelled. Changes nothing.
    /// </summary>
    public async Task<string?> AssignmentRefusalAsync(Guid tripId, Guid driverId, CancellationToken cancellationToken)
    {
        await using var select = transaction.Command("""
            SELECT online, current_trip_id,
                   EXISTS (SELECT 1 FROM cancelled_trips WHERE trip_id = $2),
                   EXISTS (SELECT 1 FROM driver_offers WHERE trip_id = $2 AND driver_id = $1 AND state = 'accepted')
            FROM drivers WHERE id = $1
            """, driverId, tripId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return AssignmentRefusals.UnknownDriver;
        var currentTripId = await reader.IsDBNullAsync(1, cancellationToken) ? (Guid?)null : reader.GetGuid(1);
        if (reader.GetBoolean(2)) return AssignmentRefusals.TripCancelled;
        if (!reader.GetBoolean(0)) return AssignmentRefusals.DriverOffline;
        if (currentTripId is { } other && other != tripId) return AssignmentRefusals.OnTrip(other);
        return reader.GetBoolean(3) ? null : AssignmentRefusals.DidNotAccept;
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static async Task<IReadOnlyList<Guid>> ReadIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetGuid(0));
        return ids;
    }
}

/// <summary>The reasons an <see cref="AssignmentAnswered"/> gives for refusing a driver.</summary>
public static class AssignmentRefusals
{
    public const string UnknownDriver = "unknown driver";
    public const string TripCancelled = "trip was cancelled";
    public const string DriverOffline = "driver is offline";
    public const string DidNotAccept = "driver did not accept an offer of this trip";

    public static string OnTrip(Guid tripId) => $"driver is on trip {tripId}";
}
