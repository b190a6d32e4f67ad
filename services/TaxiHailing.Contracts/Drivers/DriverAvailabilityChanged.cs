namespace TaxiHailing.Contracts.Drivers;

/// <summary>
/// A driver went online (and can be given trips) or offline. <see cref="Position"/> is where the driver is: always
/// given when going online; when going offline, the last known position, if any.
/// </summary>
public sealed record DriverAvailabilityChanged(Guid DriverId, bool Online, GeoPoint? Position, DateTimeOffset ChangedAt) : IMessage
{
    public static string MessageType => "drivers.driver-availability-changed.v1";
}
