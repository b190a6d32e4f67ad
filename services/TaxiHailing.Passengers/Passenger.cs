using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Passengers;

public sealed record Passenger(Guid Id, string Name, string Phone, PassengerStatus Status, DateTimeOffset RegisteredAt);

/// <summary>What a new passenger gives us when registering, already validated and trimmed.</summary>
public sealed record PassengerRegistration(string Name, string Phone);

[JsonConverter(typeof(PassengerStatusJsonConverter))]
public enum PassengerStatus
{
    Active,
    Suspended,
}

public sealed class PassengerStatusJsonConverter() : JsonStringEnumConverter<PassengerStatus>(JsonNamingPolicy.KebabCaseLower);

public static class PassengerStatuses
{
    /// <summary>The status as it appears in JSON and in the database: "active", "suspended".</summary>
    public static string Name(this PassengerStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    public static PassengerStatus Parse(string name)
    {
        foreach (var status in Enum.GetValues<PassengerStatus>())
        {
            if (status.Name() == name)
            {
                return status;
            }
        }

        throw new FormatException($"'{name}' is not a passenger status.");
    }
}
