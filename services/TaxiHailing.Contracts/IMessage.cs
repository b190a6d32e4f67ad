namespace TaxiHailing.Contracts;

/// <summary>
/// A message on a channel. <see cref="MessageType"/> is its stable name with a version
/// (e.g. "trips.trip-created.v1"): never a CLR type name, and a breaking change is a new version.
/// </summary>
public interface IMessage
{
    static abstract string MessageType { get; }
}

/// <summary>A place on the map, in WGS 84 degrees.</summary>
public sealed record GeoPoint(double Lat, double Lng);

/// <summary>A channel (Kafka topic) and the names of every message type that may travel on it.</summary>
public sealed record Channel(string Topic, IReadOnlyList<string> MessageTypes)
{
    public string DeadLetterTopic => $"{Topic}.dlq";
}
