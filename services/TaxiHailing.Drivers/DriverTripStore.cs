using Npgsql;

namespace TaxiHailing.Drivers;

/// <summary>The drivers' trips in driversdb: reads; every change goes through <see cref="TripLedger"/>.</summary>
public sealed class DriverTripStore(NpgsqlDataSource dataSource)
{
    public async Task<DriverTrip?> FindAsync(Guid driverId, Guid tripId, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {DriverTripRows.Columns} FROM driver_trips WHERE trip_id = $1 AND driver_id = $2");
        select.Parameters.Add(new NpgsqlParameter { Value = tripId });
        select.Parameters.Add(new NpgsqlParameter { Value = driverId });
        return await DriverTripRows.ReadSingleAsync(select, cancellationToken);
    }

    /// <summary>The trips these drivers are on now (the ones not over), by driver.</summary>
    public async Task<IReadOnlyDictionary<Guid, DriverTrip>> CurrentTripsAsync(Guid[] driverIds, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"""
            SELECT {DriverTripRows.Columns} FROM driver_trips
            WHERE trip_id IN (SELECT current_trip_id FROM drivers WHERE id = ANY($1) AND current_trip_id IS NOT NULL)
            """);
        select.Parameters.Add(new NpgsqlParameter { Value = driverIds });
        return (await DriverTripRows.ReadAllAsync(select, cancellationToken)).ToDictionary(trip => trip.DriverId);
    }

    /// <summary>Trips not started yet that were assigned at or before <paramref name="assignedBy"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> NotStartedSinceAsync(DateTimeOffset assignedBy, int limit, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand("""
            SELECT trip_id FROM driver_trips WHERE stage IN ('assigned', 'arriving', 'arrived') AND assigned_at <= $1
            ORDER BY assigned_at LIMIT $2
            """);
        select.Parameters.Add(new NpgsqlParameter { Value = assignedBy });
        select.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var trips = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken)) trips.Add(reader.GetGuid(0));
        return trips;
    }
}
