namespace TaxiHailing.Trips;

public sealed record Trip(
    Guid Id,
    Guid PassengerId,
    Location Pickup,
    Location Dropoff,
    TripState State,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CancelledAt);

/// <summary>A point on the map, in WGS 84 degrees.</summary>
public sealed record Location(double Lat, double Lng);

/// <summary>What a passenger asks for when requesting a trip, already validated.</summary>
public sealed record TripRequest(Guid PassengerId, Location Pickup, Location Dropoff);
