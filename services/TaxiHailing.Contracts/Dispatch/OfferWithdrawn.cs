namespace TaxiHailing.Contracts.Dispatch;

/// <summary>The offer no longer stands for these drivers: the trip went to another driver, or was cancelled.</summary>
public sealed record OfferWithdrawn(Guid OfferId, Guid TripId, IReadOnlyList<Guid> DriverIds, string Reason, DateTimeOffset WithdrawnAt) : IMessage
{
    public static string MessageType => "dispatch.offer-withdrawn.v1";
}
