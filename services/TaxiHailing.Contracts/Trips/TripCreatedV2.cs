using System.Text.Json.Serialization;

namespace TaxiHailing.Contracts.Trips;

/// <summary>
/// A passenger requested a trip and Trip Management accepted it: version 2, with the places named, the ride product
/// and the fare estimate the passenger was quoted. During the migration Trip Management publishes it beside
/// <see cref="TripCreated"/> (v1) for every trip, so that consumers still on v1 keep working (docs/api-evolution.md).
/// </summary>
public sealed record TripCreatedV2(
    Guid TripId, Guid PassengerId, Place Pickup, Place Dropoff, RideProduct Product, Fare FareEstimate, DateTimeOffset RequestedAt) : IMessage
{
    public static string MessageType => "trips.trip-created.v2";
}

/// <summary>A place on the map and, when the passenger named it, its address (trips requested through v1 have none).</summary>
public sealed record Place(GeoPoint Location, string? Address = null);

/// <summary>The kind of car a trip asks for. A new product is a new major version of every message that carries it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RideProduct>))]
public enum RideProduct
{
    [JsonStringEnumMemberName("standard")] Standard,
    [JsonStringEnumMemberName("xl")] Xl,
}
