namespace TaxiHailing.Contracts.Dispatch;

/// <summary>The Dispatcher gave the trip to a driver, who is on the way to the pickup.</summary>
public sealed record DriverAssigned(Guid TripId, Guid DriverId, string DriverName, Vehicle Vehicle, int EtaSeconds, DateTimeOffset AssignedAt) : IMessage
{
    public static string MessageType => "dispatch.driver-assigned.v1";
}

public sealed record Vehicle(string Make, string Model, string Colour, string Plate);
