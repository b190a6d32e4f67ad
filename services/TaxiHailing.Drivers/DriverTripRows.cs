using Npgsql;
using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers;

/// <summary>The driver_trips table's columns, in the order <see cref="ReadAsync"/> expects them.</summary>
internal static class DriverTripRows
{
    public const string Columns = """
        trip_id, driver_id, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng, stage, assigned_at, arriving_at, arrived_at,
        picked_up_at, ended_at, distance_km, end_reason
        """;

    public static async Task<DriverTrip?> ReadSingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? await ReadAsync(reader, cancellationToken) : null;
    }

    public static async Task<IReadOnlyList<DriverTrip>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var trips = new List<DriverTrip>();
        while (await reader.ReadAsync(cancellationToken)) trips.Add(await ReadAsync(reader, cancellationToken));
        return trips;
    }

    private static async Task<DriverTrip> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) => new(
        TripId: reader.GetGuid(0),
        DriverId: reader.GetGuid(1),
        Pickup: new GeoPoint(reader.GetDouble(2), reader.GetDouble(3)),
        Dropoff: new GeoPoint(reader.GetDouble(4), reader.GetDouble(5)),
        Stage: DriverTripStages.ParseStage(reader.GetString(6)),
        AssignedAt: reader.GetFieldValue<DateTimeOffset>(7),
        ArrivingAt: await NullableAsync(reader, 8, cancellationToken),
        ArrivedAt: await NullableAsync(reader, 9, cancellationToken),
        PickedUpAt: await NullableAsync(reader, 10, cancellationToken),
        EndedAt: await NullableAsync(reader, 11, cancellationToken),
        DistanceKm: reader.GetDouble(12),
        EndReason: await reader.IsDBNullAsync(13, cancellationToken) ? null : reader.GetString(13));

    private static async Task<DateTimeOffset?> NullableAsync(NpgsqlDataReader reader, int ordinal, CancellationToken cancellationToken) =>
        await reader.IsDBNullAsync(ordinal, cancellationToken) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
