using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Dispatcher;

/// <summary>The drivers table's columns, in the order <see cref="Read"/> expects them.</summary>
internal static class DriverRows
{
    public const string Columns =
        "d.id, d.name, d.vehicle_make, d.vehicle_model, d.vehicle_colour, d.vehicle_plate, p.lat, p.lng, d.available, d.current_trip_id";

    /// <summary>Drivers (d) with their last known position (p), if any.</summary>
    public const string WithPositions = "drivers d LEFT JOIN driver_positions p ON p.driver_id = d.id";

    public static async Task<Driver> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) => new(
        Id: reader.GetGuid(0),
        Name: reader.GetString(1),
        Vehicle: new Vehicle(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)),
        Position: await reader.IsDBNullAsync(6, cancellationToken) ? null : new GeoPoint(reader.GetDouble(6), reader.GetDouble(7)),
        Available: reader.GetBoolean(8),
        CurrentTripId: await reader.IsDBNullAsync(9, cancellationToken) ? null : reader.GetGuid(9));
}
