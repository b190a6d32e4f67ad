namespace TaxiHailing.Contracts.Trips;

/// <summary>The passenger cancelled the trip; whoever serves it may let go.</summary>
public sealed record TripCancelled(Guid TripId, DateTimeOffset CancelledAt) : IMessage
{
    public static string MessageType => "trips.trip-cancelled.v1";
}
