using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers;

/// <summary>
/// Every change to drivers, inside one transaction: each change that others must hear of writes its event to the
/// outbox in the same transaction, so the event is published if and only if the change committed. The HTTP API,
/// the simulated fleet and the message handlers all change drivers through here.
/// </summary>
public sealed class DriverLedger(NpgsqlTransaction transaction, Outbox outbox, TimeProvider clock)
{
    /// <summary>The drivers' trips, in this same transaction.</summary>
    public TripLedger Trips { get; } = new(transaction, outbox, clock);

    /// <summary>
    /// Registers a driver, offline, under <paramref name="id"/>. One conditional insert decides between a new driver,
    /// the driver an earlier request with the same <paramref name="idempotencyKey"/> registered, and a plate that
    /// another driver has: two concurrent requests cannot both register.
    /// </summary>
    public async Task<RegistrationOutcome> RegisterAsync(
        Guid id, DriverRegistration registration, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var vehicle = registration.Vehicle;
        await using var insert = Command($"""
            INSERT INTO drivers (id, name, vehicle_make, vehicle_model, vehicle_colour, vehicle_plate, online, registered_at, idempotency_key)
            VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8)
            ON CONFLICT DO NOTHING
            RETURNING {DriverRows.Columns}
            """, id, registration.Name, vehicle.Make, vehicle.Model, vehicle.Colour, vehicle.Plate, Now(), (object?)idempotencyKey ?? DBNull.Value);
        if (await DriverRows.ReadSingleAsync(insert, cancellationToken) is { } registered)
        {
            var message = new DriverRegistered(registered.Id, registered.Name, registered.Vehicle, registered.RegisteredAt);
            await outbox.AddAsync(transaction, DriversChannels.Events, registered.Id.ToString(), message, cancellationToken);
            return new RegistrationOutcome.Registered(registered);
        }

        var earlier = idempotencyKey is null ? null : await FindAsync("idempotency_key = $1", idempotencyKey, cancellationToken);
        if (earlier is not null && earlier.Id == id)
        {
            return new RegistrationOutcome.Repeated(earlier);
        }

        if (await FindAsync("id = $1", id, cancellationToken) is { } existing)
        {
            return new RegistrationOutcome.AlreadyRegistered(existing);
        }

        if (await FindAsync("translate(vehicle_plate, ' -', '') = translate($1, ' -', '')", vehicle.Plate, cancellationToken) is not null)
        {
            return new RegistrationOutcome.PlateTaken(vehicle.Plate);
        }

        return earlier is not null
            ? new RegistrationOutcome.KeyTaken()
            : throw new InvalidOperationException($"Registering driver {id} conflicted, but neither its id, its idempotency key nor its plate is taken.");
    }

    /// <summary>
    /// Takes the driver online at <paramref name="position"/> (required) or offline, and announces a change of
    /// availability. Asking for the availability the driver already has changes nothing, except that an online
    /// driver's new position is recorded as a location report. Null when there is no such driver.
    /// </summary>
    public async Task<AvailabilityChange?> ChangeAvailabilityAsync(Guid id, bool online, GeoPoint? position, CancellationToken cancellationToken)
    {
        if (online && position is null)
        {
            throw new ArgumentNullException(nameof(position), "A driver going online must say where they are.");
        }

        if (await FindAsync("id = $1 FOR UPDATE", id, cancellationToken) is not { } current)
        {
            return null;
        }

        if (current.Online == online)
        {
            if (!online || position is null || position == current.Position) return new(current, Changed: false);
            await ReportLocationAsync(id, position, cancellationToken);
            return new(current with { Position = position }, Changed: false);
        }

        var newPosition = position ?? current.Position;
        await using var update = Command($"UPDATE drivers SET online = $2, lat = $3, lng = $4 WHERE id = $1 RETURNING {DriverRows.Columns}",
            id, online, (object?)newPosition?.Lat ?? DBNull.Value, (object?)newPosition?.Lng ?? DBNull.Value);
        var changed = await DriverRows.ReadSingleAsync(update, cancellationToken)
            ?? throw new InvalidOperationException($"Driver {id}, locked a moment ago, has gone.");
        var message = new DriverAvailabilityChanged(id, online, newPosition, Now());
        await outbox.AddAsync(transaction, DriversChannels.Events, id.ToString(), message, cancellationToken);
        return new(changed, Changed: true);
    }

    /// <summary>
    /// Records where an online driver is and announces it on the locations channel; offline drivers are refused. A
    /// driver on a trip moves it on (see <see cref="TripLedger.MovedAsync"/>).
    /// </summary>
    public async Task<LocationReportOutcome> ReportLocationAsync(Guid id, GeoPoint position, CancellationToken cancellationToken)
    {
        await using var select = Command("SELECT online, lat, lng, current_trip_id FROM drivers WHERE id = $1 FOR UPDATE", id);
        GeoPoint? previous;
        Guid? tripId;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return LocationReportOutcome.UnknownDriver;
            if (!reader.GetBoolean(0)) return LocationReportOutcome.DriverOffline;
            previous = await reader.IsDBNullAsync(1, cancellationToken) ? null : new GeoPoint(reader.GetDouble(1), reader.GetDouble(2));
            tripId = await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetGuid(3);
        }

        await using var update = Command("UPDATE drivers SET lat = $2, lng = $3 WHERE id = $1", id, position.Lat, position.Lng);
        await update.ExecuteNonQueryAsync(cancellationToken);
        await outbox.AddAsync(transaction, DriversChannels.Locations, id.ToString(), new DriverLocationReported(id, position, Now()), cancellationToken);
        if (tripId is { } onTrip) await Trips.MovedAsync(id, onTrip, previous, position, cancellationToken);
        return LocationReportOutcome.Accepted;
    }

    /// <summary>Records the trip the Dispatcher gave the driver, unless the trip was cancelled already.</summary>
    public async Task<TripAssignmentOutcome> AssignTripAsync(Guid driverId, Guid tripId, CancellationToken cancellationToken)
    {
        await using var update = Command("""
            UPDATE drivers SET current_trip_id = $2
            WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM cancelled_trips WHERE trip_id = $2)
            """, driverId, tripId);
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            await Trips.RecordAssignmentAsync(driverId, tripId, cancellationToken);
            return TripAssignmentOutcome.Recorded;
        }

        await using var cancelled = Command("SELECT EXISTS (SELECT 1 FROM cancelled_trips WHERE trip_id = $1)", tripId);
        return (bool)(await cancelled.ExecuteScalarAsync(cancellationToken))! ? TripAssignmentOutcome.TripCancelled : TripAssignmentOutcome.UnknownDriver;
    }

    /// <summary>Remembers that the trip was cancelled and frees whoever had it; returns the drivers freed.</summary>
    public async Task<IReadOnlyList<Guid>> ReleaseTripAsync(Guid tripId, DateTimeOffset cancelledAt, CancellationToken cancellationToken)
    {
        await using var remember = Command("INSERT INTO cancelled_trips (trip_id, cancelled_at) VALUES ($1, $2) ON CONFLICT DO NOTHING", tripId, cancelledAt);
        await remember.ExecuteNonQueryAsync(cancellationToken);

        await using var release = Command("UPDATE drivers SET current_trip_id = NULL WHERE current_trip_id = $1 RETURNING id", tripId);
        var released = new List<Guid>();
        await using (var reader = await release.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) released.Add(reader.GetGuid(0));
        }

        await Trips.CancelAsync(tripId, cancellationToken); // after the driver's row: drivers are locked first
        return released;
    }

    private async Task<Driver?> FindAsync(string condition, object value, CancellationToken cancellationToken)
    {
        await using var select = Command($"SELECT {DriverRows.Columns} FROM drivers WHERE {condition}", value);
        return await DriverRows.ReadSingleAsync(select, cancellationToken);
    }

    private DateTimeOffset Now() => clock.StoredNow();

    private NpgsqlCommand Command(string sql, params object[] values) => transaction.Command(sql, values);
}

/// <summary>The driver after an availability request; <see cref="Changed"/> says whether they went online or offline.</summary>
public sealed record AvailabilityChange(Driver Driver, bool Changed);

/// <summary>What became of a DriverAssigned: recorded, or ignored because the driver is not ours or the trip was cancelled first.</summary>
public enum TripAssignmentOutcome
{
    Recorded,
    UnknownDriver,
    TripCancelled,
}
