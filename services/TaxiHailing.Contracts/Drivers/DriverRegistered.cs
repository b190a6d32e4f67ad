using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Contracts.Drivers;

/// <summary>A driver and their vehicle joined the fleet; they start offline.</summary>
public sealed record DriverRegistered(Guid DriverId, string Name, Vehicle Vehicle, DateTimeOffset RegisteredAt) : IMessage
{
    public static string MessageType => "drivers.driver-registered.v1";
}
