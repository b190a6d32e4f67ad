namespace TaxiHailing.Contracts.Dispatch;

/// <summary>
/// The Dispatcher offers a trip to the drivers near its pickup, all at once (publish/async responses): each may
/// answer with a <see cref="Drivers.OfferAnswered"/> on the reply-to channel, echoing the correlation id (the
/// offer id), until <see cref="AnswerBy"/>. Answers that arrive later are ignored.
/// </summary>
public sealed record TripOffered(
    Guid OfferId, Guid TripId, int Round, GeoPoint Pickup, GeoPoint Dropoff, IReadOnlyList<Guid> DriverIds,
    DateTimeOffset OfferedAt, DateTimeOffset AnswerBy) : IRequest<Drivers.OfferAnswered>
{
    public static string MessageType => "dispatch.trip-offered.v1";
}
