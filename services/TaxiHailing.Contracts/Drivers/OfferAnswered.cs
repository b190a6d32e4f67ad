namespace TaxiHailing.Contracts.Drivers;

/// <summary>
/// A driver's answer to a <see cref="Dispatch.TripOffered"/>, sent to the offer's reply-to channel with its
/// correlation id. <see cref="Position"/> is where the driver was when answering, from which the Dispatcher
/// reckons who is closest.
/// </summary>
public sealed record OfferAnswered(Guid TripId, Guid DriverId, bool Accepted, GeoPoint? Position, DateTimeOffset AnsweredAt) : IMessage
{
    public static string MessageType => "drivers.offer-answered.v1";
}
