using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Dispatcher;

/// <summary>The drivers table's columns, in the order <see cref="Read"/> expects them.</summary>
internal static class DriverRows
{
    public const string Columns =
        "id, name, vehicle_make, vehicle_model, vehicle_colour, vehicle_plate, lat, lng, available, current_trip_id";

    public static async Task<Driver> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) => new(
        Id: reader.GetGuid(0),
        Name: reader.GetString(1),
        Vehicle: new Vehicle(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)),
        Position: new GeoPoint(reader.GetDouble(6), reader.GetDouble(7)),
        Available: reader.GetBoolean(8),
        CurrentTripId: await reader.IsDBNullAsync(9, cancellationToken) ? null : reader.GetGuid(9));
}
