using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Passengers;

public sealed record Passenger(Guid Id, string Name, string Phone, PassengerStatus Status, DateTimeOffset RegisteredAt);

/// <summary>What a new passenger gives us when registering, already validated and trimmed.</summary>
public sealed record PassengerRegistration(string Name, string Phone);

/// <summary>How a registration ended: a new passenger, the one an earlier request with the same key made, an account registered already, or a key another account used.</summary>
public abstract record PassengerRegistrationOutcome
{
    private PassengerRegistrationOutcome()
    {
    }

    public sealed record Registered(Passenger Passenger) : PassengerRegistrationOutcome;

    public sealed record Repeated(Passenger Passenger) : PassengerRegistrationOutcome;

    public sealed record AlreadyRegistered(Passenger Passenger) : PassengerRegistrationOutcome;

    public sealed record KeyTaken : PassengerRegistrationOutcome;
}

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
