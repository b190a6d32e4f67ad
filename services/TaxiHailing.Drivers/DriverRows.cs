using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Drivers;

/// <summary>The drivers table's columns, in the order <see cref="ReadAsync"/> expects them.</summary>
internal static class DriverRows
{
    public const string Columns =
        "id, name, vehicle_make, vehicle_model, vehicle_colour, vehicle_plate, online, lat, lng, current_trip_id, registered_at, " +
        "(SELECT t.stage FROM driver_trips t WHERE t.trip_id = drivers.current_trip_id)";

    public static async Task<Driver?> ReadSingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? await ReadAsync(reader, cancellationToken) : null;
    }

    public static async Task<Driver> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) => new(
        Id: reader.GetGuid(0),
        Name: reader.GetString(1),
        Vehicle: new Vehicle(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)),
        Online: reader.GetBoolean(6),
        Position: await reader.IsDBNullAsync(7, cancellationToken) ? null : new GeoPoint(reader.GetDouble(7), reader.GetDouble(8)),
        CurrentTripId: await reader.IsDBNullAsync(9, cancellationToken) ? null : reader.GetGuid(9),
        RegisteredAt: reader.GetFieldValue<DateTimeOffset>(10),
        CurrentTripStage: await reader.IsDBNullAsync(11, cancellationToken) ? null : DriverTripStages.ParseStage(reader.GetString(11)));
}
