namespace TaxiHailing.Contracts.Dispatch;

/// <summary>The Dispatcher found no driver for the trip.</summary>
public sealed record TripUnserved(Guid TripId, string Reason, DateTimeOffset DecidedAt) : IMessage
{
    public static string MessageType => "dispatch.trip-unserved.v1";
}
