using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Trips;

/// <summary>
/// Trips in tripsdb. Every change other services must hear of writes its event to the outbox in the same
/// transaction, so the event is published if and only if the change committed.
/// </summary>
public sealed class TripStore(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    internal const string Columns = """
        id, passenger_id, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng, state, requested_at, cancelled_at,
        driver_id, driver_name, vehicle_make, vehicle_model, vehicle_colour, vehicle_plate, eta_seconds, assigned_at, unserved_reason,
        passenger_verification, arriving_at, arrived_at, picked_up_at, completed_at, distance_km, duration_seconds, fare_amount, fare_currency,
        product, pickup_address, dropoff_address, fare_estimate_amount, fare_estimate_currency
        """;

    /// <summary>
    /// Stores a requested trip, quoted <paramref name="fareEstimate"/>, and its TripCreated events (v1 and v2: see
    /// <see cref="TripCreatedV2"/>); when <paramref name="idempotencyKey"/> was used before,
    /// returns the trip stored then instead. The unique key decides, so two concurrent repeats cannot both create a
    /// trip; a unique index on the open trips of a passenger decides that a passenger holds one open trip at most.
    /// </summary>
    public async Task<TripRequestOutcome> RequestAsync(
        TripRequest request, Money fareEstimate, PassengerVerification verification, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO trips (id, passenger_id, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng, state, requested_at, idempotency_key, passenger_verification,
                product, pickup_address, dropoff_address, fare_estimate_amount, fare_estimate_currency)
            VALUES (@id, @passengerId, @pickupLat, @pickupLng, @dropoffLat, @dropoffLng, @state, @requestedAt, @idempotencyKey, @verification,
                @product, @pickupAddress, @dropoffAddress, @estimate, @estimateCurrency)
            ON CONFLICT (passenger_id, idempotency_key) DO NOTHING
            RETURNING {Columns}
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("passengerId", request.PassengerId);
        insert.Parameters.AddWithValue("pickupLat", request.Pickup.Lat);
        insert.Parameters.AddWithValue("pickupLng", request.Pickup.Lng);
        insert.Parameters.AddWithValue("dropoffLat", request.Dropoff.Lat);
        insert.Parameters.AddWithValue("dropoffLng", request.Dropoff.Lng);
        insert.Parameters.AddWithValue("state", TripState.Requested.Name());
        insert.Parameters.AddWithValue("requestedAt", clock.GetUtcNow());
        insert.Parameters.AddWithValue("idempotencyKey", (object?)idempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("verification", verification.Name());
        insert.Parameters.AddWithValue("product", request.Product.Name());
        insert.Parameters.AddWithValue("pickupAddress", (object?)request.PickupAddress ?? DBNull.Value);
        insert.Parameters.AddWithValue("dropoffAddress", (object?)request.DropoffAddress ?? DBNull.Value);
        insert.Parameters.AddWithValue("estimate", fareEstimate.Amount);
        insert.Parameters.AddWithValue("estimateCurrency", fareEstimate.Currency);
        Trip? requested;
        try
        {
            requested = await ReadTripAsync(insert, cancellationToken);
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: TripsSchema.OneOpenTripPerPassenger })
        {
            await transaction.RollbackAsync(cancellationToken);
            return new TripRequestOutcome.OpenTripHeld(await FindOpenTripIdAsync(request.PassengerId, cancellationToken));
        }

        if (requested is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new TripRequestOutcome.Requested(await FindByIdempotencyKeyAsync(request.PassengerId, idempotencyKey!, cancellationToken)
                ?? throw new InvalidOperationException($"Idempotency key '{idempotencyKey}' conflicted but no trip holds it."));
        }

        await TripCreatedEvents.AddAsync(outbox, transaction, requested, cancellationToken);
        await TripProgress.AppendAsync(transaction, requested, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TripRequestOutcome.Requested(requested);
    }

    private async Task<Guid?> FindOpenTripIdAsync(Guid passengerId, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT id FROM trips WHERE passenger_id = @passengerId AND {TripsSchema.IsOpen}");
        select.Parameters.AddWithValue("passengerId", passengerId);
        return await select.ExecuteScalarAsync(cancellationToken) as Guid?;
    }

    public async Task<Trip?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {Columns} FROM trips WHERE id = @id");
        select.Parameters.AddWithValue("id", id);
        return await ReadTripAsync(select, cancellationToken);
    }

    public async Task<Trip?> FindByIdempotencyKeyAsync(Guid passengerId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {Columns} FROM trips WHERE passenger_id = @passengerId AND idempotency_key = @idempotencyKey");
        select.Parameters.AddWithValue("passengerId", passengerId);
        select.Parameters.AddWithValue("idempotencyKey", idempotencyKey);
        return await ReadTripAsync(select, cancellationToken);
    }

    /// <summary>
    /// Cancels the passenger's trip if its state allows it, in one conditional update, and announces it; null when
    /// the passenger has no such trip or it can no longer be cancelled.
    /// </summary>
    public async Task<Trip?> CancelAsync(Guid id, Guid passengerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand($"""
            UPDATE trips SET state = @cancelled, cancelled_at = @cancelledAt
            WHERE id = @id AND passenger_id = @passengerId AND state = ANY(@cancellable)
            RETURNING {Columns}
            """, connection, transaction);
        update.Parameters.AddWithValue("id", id);
        update.Parameters.AddWithValue("passengerId", passengerId);
        update.Parameters.AddWithValue("cancelled", TripState.Cancelled.Name());
        update.Parameters.AddWithValue("cancelledAt", clock.GetUtcNow());
        update.Parameters.AddWithValue("cancellable", TripStates.Cancellable.Select(state => state.Name()).ToArray());
        if (await ReadTripAsync(update, cancellationToken) is not { } cancelled) return null;

        await outbox.AddAsync(transaction, TripsChannels.Events, id.ToString(), new TripCancelled(id, cancelled.CancelledAt!.Value), cancellationToken);
        await TripProgress.AppendAsync(transaction, cancelled, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cancelled;
    }

    /// <summary>
    /// Records the Dispatcher's driver, if the trip has none yet and is not over; false otherwise. A trip whose driver's
    /// first steps came before the assignment (they travel on another channel) keeps the state they moved it to.
    /// </summary>
    public static async Task<bool> AssignDriverAsync(MessageContext context, DriverAssigned assigned, CancellationToken cancellationToken)
    {
        await using var update = new NpgsqlCommand($"""
            UPDATE trips SET state = CASE WHEN state = @requested THEN @state ELSE state END, driver_id = @driverId, driver_name = @driverName,
                vehicle_make = @make, vehicle_model = @model, vehicle_colour = @colour, vehicle_plate = @plate, eta_seconds = @eta, assigned_at = @assignedAt
            WHERE id = @id AND driver_id IS NULL AND NOT (state = ANY(@over))
            RETURNING {Columns}
            """, context.Connection, context.Transaction);
        update.Parameters.AddWithValue("over", new[] { TripState.Unserved.Name(), TripState.Cancelled.Name() });
        update.Parameters.AddWithValue("id", assigned.TripId);
        update.Parameters.AddWithValue("state", TripState.DriverAssigned.Name());
        update.Parameters.AddWithValue("requested", TripState.Requested.Name());
        update.Parameters.AddWithValue("driverId", assigned.DriverId);
        update.Parameters.AddWithValue("driverName", assigned.DriverName);
        update.Parameters.AddWithValue("make", assigned.Vehicle.Make);
        update.Parameters.AddWithValue("model", assigned.Vehicle.Model);
        update.Parameters.AddWithValue("colour", assigned.Vehicle.Colour);
        update.Parameters.AddWithValue("plate", assigned.Vehicle.Plate);
        update.Parameters.AddWithValue("eta", assigned.EtaSeconds);
        update.Parameters.AddWithValue("assignedAt", assigned.AssignedAt);
        return await RecordProgressAsync(update, context, cancellationToken, TripProgress.KindOf(TripState.DriverAssigned));
    }

    /// <summary>Records that no driver could be found, if the trip is still waiting for one; false otherwise.</summary>
    public static async Task<bool> MarkUnservedAsync(MessageContext context, TripUnserved unserved, CancellationToken cancellationToken)
    {
        await using var update = new NpgsqlCommand(
            $"UPDATE trips SET state = @state, unserved_reason = @reason WHERE id = @id AND state = @requested RETURNING {Columns}",
            context.Connection, context.Transaction);
        update.Parameters.AddWithValue("id", unserved.TripId);
        update.Parameters.AddWithValue("state", TripState.Unserved.Name());
        update.Parameters.AddWithValue("requested", TripState.Requested.Name());
        update.Parameters.AddWithValue("reason", unserved.Reason);
        return await RecordProgressAsync(update, context, cancellationToken);
    }

    internal static async Task<bool> RecordProgressAsync(NpgsqlCommand update, MessageContext context, CancellationToken cancellationToken, string? kind = null) =>
        await RecordProgressAndReadAsync(update, context, cancellationToken, kind) is not null;

    internal static async Task<Trip?> RecordProgressAndReadAsync(NpgsqlCommand update, MessageContext context, CancellationToken cancellationToken, string? kind = null)
    {
        if (await ReadTripAsync(update, cancellationToken) is not { } changed) return null;
        await TripProgress.AppendAsync(context.Transaction, changed, cancellationToken, kind);
        return changed;
    }

    internal static async Task<Trip?> ReadTripAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Trip(
            Id: reader.GetGuid(0),
            PassengerId: reader.GetGuid(1),
            Pickup: new Location(reader.GetDouble(2), reader.GetDouble(3)),
            Dropoff: new Location(reader.GetDouble(4), reader.GetDouble(5)),
            State: TripStates.Parse(reader.GetString(6)),
            RequestedAt: reader.GetFieldValue<DateTimeOffset>(7),
            CancelledAt: reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            Driver: reader.IsDBNull(9) ? null : new AssignedDriver(
                reader.GetGuid(9), reader.GetString(10),
                new VehicleDescription(reader.GetString(11), reader.GetString(12), reader.GetString(13), reader.GetString(14)),
                reader.GetInt32(15), reader.GetFieldValue<DateTimeOffset>(16)),
            UnservedReason: reader.IsDBNull(17) ? null : reader.GetString(17),
            PassengerVerification: PassengerVerifications.Parse(reader.GetString(18)),
            Ride: ReadRide(reader),
            Booking: ReadBooking(reader));
    }

    private static TripBooking ReadBooking(NpgsqlDataReader reader) => new(
        RideProducts.Parse(reader.GetString(27)),
        reader.IsDBNull(28) ? null : reader.GetString(28),
        reader.IsDBNull(29) ? null : reader.GetString(29),
        reader.IsDBNull(30) ? null : new Money(reader.GetDecimal(30), reader.GetString(31)));

    private static RideProgress? ReadRide(NpgsqlDataReader reader)
    {
        DateTimeOffset? At(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
        var completion = reader.IsDBNull(26) ? null : new RideCompletion(
            reader.GetDouble(23), reader.GetInt32(24), new Money(reader.GetDecimal(25), reader.GetString(26)));
        var ride = new RideProgress(At(19), At(20), At(21), At(22), completion);
        return ride == new RideProgress() ? null : ride;
    }
}
