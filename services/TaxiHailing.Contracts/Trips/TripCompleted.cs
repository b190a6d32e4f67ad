namespace TaxiHailing.Contracts.Trips;

/// <summary>The passenger was dropped off; Trip Management priced the ride from its distance and duration.</summary>
public sealed record TripCompleted(
    Guid TripId, Guid PassengerId, Guid DriverId, double DistanceKm, int DurationSeconds, Fare Fare, DateTimeOffset CompletedAt) : IMessage
{
    public static string MessageType => "trips.trip-completed.v1";
}

/// <summary>An amount of money in a currency (ISO 4217).</summary>
public sealed record Fare(decimal Amount, string Currency);
