namespace TaxiHailing.Contracts.Drivers;

/// <summary>An online driver's phone reported where the driver is: a one-way notification, nobody replies.</summary>
public sealed record DriverLocationReported(Guid DriverId, GeoPoint Position, DateTimeOffset ReportedAt) : IMessage
{
    public static string MessageType => "drivers.location-reported.v1";
}
