using Npgsql;
using TaxiHailing.Contracts;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// The dispatches, offers, answers and confirmations, read and changed inside one transaction (a handler's or the
/// deadline watcher's). A dispatch is locked before any change, so a late answer, the window closing and a
/// cancellation of the same trip are applied one after the other, never interleaved.
/// </summary>
public sealed class RoundLedger(NpgsqlTransaction transaction)
{
    private const string DispatchColumns =
        "trip_id, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng, correlation_id, trace_parent, trace_state, stage, round, offer_id, confirmation_id, due_at";

    /// <summary>Starts the dispatch of a trip; false when it was started already.</summary>
    public async Task<bool> StartAsync(TripDispatch dispatch, RequestedRide ride, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = Command($"""
            INSERT INTO dispatches ({DispatchColumns}, started_at, product, fare_estimate_amount, fare_estimate_currency)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            ON CONFLICT (trip_id) DO NOTHING
            """, dispatch.TripId, dispatch.Pickup.Lat, dispatch.Pickup.Lng, dispatch.Dropoff.Lat, dispatch.Dropoff.Lng, dispatch.CorrelationId,
            Nullable(dispatch.TraceParent), Nullable(dispatch.TraceState), dispatch.Stage.Name(), dispatch.Round,
            Nullable(dispatch.OfferId), Nullable(dispatch.ConfirmationId), Nullable(dispatch.DueAt), now,
            RideProducts.Name(ride.Product), Nullable(ride.FareEstimate?.Amount), Nullable(ride.FareEstimate?.Currency));
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task SaveAsync(TripDispatch dispatch, CancellationToken cancellationToken)
    {
        await using var update = Command(
            "UPDATE dispatches SET stage = $2, round = $3, offer_id = $4, confirmation_id = $5, due_at = $6 WHERE trip_id = $1",
            dispatch.TripId, dispatch.Stage.Name(), dispatch.Round, Nullable(dispatch.OfferId), Nullable(dispatch.ConfirmationId), Nullable(dispatch.DueAt));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The trip's dispatch, locked until the transaction ends; null when the trip was never dispatched.</summary>
    public Task<TripDispatch?> LockAsync(Guid tripId, CancellationToken cancellationToken) =>
        ReadDispatchAsync($"SELECT {DispatchColumns} FROM dispatches WHERE trip_id = $1 FOR UPDATE", tripId, cancellationToken);

    /// <summary>The dispatch whose stage ran out first, locked; those another transaction holds are skipped.</summary>
    public Task<TripDispatch?> LockNextDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadDispatchAsync($"SELECT {DispatchColumns} FROM dispatches WHERE due_at <= $1 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED", now, cancellationToken);

    public async Task AddOfferAsync(Offer offer, CancellationToken cancellationToken)
    {
        await using var insert = Command(
            "INSERT INTO offers (offer_id, trip_id, round, radius_km, driver_ids, offered_at, answer_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            offer.OfferId, offer.TripId, offer.Round, offer.RadiusKm, offer.DriverIds.ToArray(), offer.OfferedAt, offer.AnswerBy);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Offer?> FindOfferAsync(Guid offerId, CancellationToken cancellationToken)
    {
        await using var select = Command(
            "SELECT offer_id, trip_id, round, radius_km, driver_ids, offered_at, answer_by FROM offers WHERE offer_id = $1", offerId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new Offer(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetFieldValue<Guid[]>(4),
            reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6));
    }

    /// <summary>Records a driver's answer to an offer; false when that driver had answered it already (the first answer stands).</summary>
    public async Task<bool> RecordAnswerAsync(
        Guid offerId, Guid driverId, bool accepted, int? etaSeconds, DateTimeOffset answeredAt, DateTimeOffset receivedAt, bool late,
        CancellationToken cancellationToken)
    {
        await using var insert = Command("""
            INSERT INTO offer_answers (offer_id, driver_id, accepted, eta_seconds, answered_at, received_at, late)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING
            """, offerId, driverId, accepted, Nullable(etaSeconds), answeredAt, receivedAt, late);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> CountAnswersAsync(Guid offerId, CancellationToken cancellationToken)
    {
        await using var count = Command("SELECT count(*) FROM offer_answers WHERE offer_id = $1 AND NOT late", offerId);
        return (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The drivers who accepted the offer in time and have not been asked to confirm this trip yet, shortest ETA
    /// first (then first to answer).
    /// </summary>
    public async Task<IReadOnlyList<Acceptance>> AcceptancesAsync(Guid offerId, Guid tripId, CancellationToken cancellationToken)
    {
        await using var select = Command("""
            SELECT a.driver_id, a.eta_seconds FROM offer_answers a
            WHERE a.offer_id = $1 AND a.accepted AND NOT a.late AND a.eta_seconds IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM confirmations c WHERE c.trip_id = $2 AND c.driver_id = a.driver_id)
            ORDER BY a.eta_seconds, a.received_at
            """, offerId, tripId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var acceptances = new List<Acceptance>();
        while (await reader.ReadAsync(cancellationToken)) acceptances.Add(new Acceptance(reader.GetGuid(0), reader.GetInt32(1)));
        return acceptances;
    }

    /// <summary>The ETA the driver's answer to the offer gave; null when they did not answer it.</summary>
    public async Task<int?> EtaOfAsync(Guid offerId, Guid driverId, CancellationToken cancellationToken)
    {
        await using var select = Command("SELECT eta_seconds FROM offer_answers WHERE offer_id = $1 AND driver_id = $2", offerId, driverId);
        return await select.ExecuteScalarAsync(cancellationToken) is int eta ? eta : null;
    }

    public async Task AddConfirmationAsync(Confirmation confirmation, CancellationToken cancellationToken)
    {
        await using var insert = Command(
            "INSERT INTO confirmations (confirmation_id, trip_id, driver_id, requested_at, answer_by) VALUES ($1, $2, $3, $4, $5)",
            confirmation.ConfirmationId, confirmation.TripId, confirmation.DriverId, confirmation.RequestedAt, confirmation.AnswerBy);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Settles a confirmation request (confirmed, refused or timed-out) and returns the driver it was about.</summary>
    public async Task<Guid> SettleConfirmationAsync(Guid confirmationId, string outcome, string? reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var update = Command(
            "UPDATE confirmations SET outcome = $2, reason = $3, settled_at = $4 WHERE confirmation_id = $1 RETURNING driver_id",
            confirmationId, outcome, Nullable(reason), at);
        return (Guid)(await update.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Confirmation {confirmationId} of a dispatch in progress is missing."));
    }

    /// <summary>Notes the answer that came after its confirmation was settled; false when the confirmation is unknown.</summary>
    public async Task<bool> NoteLateConfirmationAsync(Guid confirmationId, string answer, CancellationToken cancellationToken)
    {
        await using var update = Command("UPDATE confirmations SET late_answer = $2 WHERE confirmation_id = $1", confirmationId, answer);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<TripDispatch?> ReadDispatchAsync(string sql, object value, CancellationToken cancellationToken)
    {
        await using var select = Command(sql, value);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new TripDispatch(
            TripId: reader.GetGuid(0),
            Pickup: new GeoPoint(reader.GetDouble(1), reader.GetDouble(2)),
            Dropoff: new GeoPoint(reader.GetDouble(3), reader.GetDouble(4)),
            CorrelationId: reader.GetString(5),
            TraceParent: await reader.IsDBNullAsync(6, cancellationToken) ? null : reader.GetString(6),
            TraceState: await reader.IsDBNullAsync(7, cancellationToken) ? null : reader.GetString(7),
            Stage: DispatchStages.Parse(reader.GetString(8)),
            Round: reader.GetInt32(9),
            OfferId: await reader.IsDBNullAsync(10, cancellationToken) ? null : reader.GetGuid(10),
            ConfirmationId: await reader.IsDBNullAsync(11, cancellationToken) ? null : reader.GetGuid(11),
            DueAt: await reader.IsDBNullAsync(12, cancellationToken) ? null : reader.GetFieldValue<DateTimeOffset>(12));
    }

    private static object Nullable<T>(T? value) => (object?)value ?? DBNull.Value;

    private NpgsqlCommand Command(string sql, params object[] values) => transaction.Command(sql, values);
}
