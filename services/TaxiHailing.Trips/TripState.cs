using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Trips;

/// <summary>Where a trip is in its life.</summary>
[JsonConverter(typeof(TripStateJsonConverter))]
public enum TripState
{
    Requested,
    DriverAssigned,
    Unserved,
    Cancelled,
}

public sealed class TripStateJsonConverter() : JsonStringEnumConverter<TripState>(JsonNamingPolicy.KebabCaseLower);

public static class TripStates
{
    /// <summary>The states in which the passenger may still cancel the trip.</summary>
    public static IReadOnlyList<TripState> Cancellable { get; } = [TripState.Requested, TripState.DriverAssigned];

    public static bool CanBeCancelled(this TripState state) => Cancellable.Contains(state);

    /// <summary>The state as it appears in JSON and in the database: "requested", "driver-assigned", ...</summary>
    public static string Name(this TripState state) => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());

    public static TripState Parse(string name)
    {
        foreach (var state in Enum.GetValues<TripState>())
        {
            if (state.Name() == name)
            {
                return state;
            }
        }

        throw new FormatException($"'{name}' is not a trip state.");
    }
}
