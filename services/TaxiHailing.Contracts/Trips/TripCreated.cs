namespace TaxiHailing.Contracts.Trips;

/// <summary>A passenger requested a trip and Trip Management accepted it.</summary>
public sealed record TripCreated(Guid TripId, Guid PassengerId, GeoPoint Pickup, GeoPoint Dropoff, DateTimeOffset RequestedAt) : IMessage
{
    public static string MessageType => "trips.trip-created.v1";
}
