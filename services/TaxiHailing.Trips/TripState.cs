using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Trips;

/// <summary>
/// Where a trip is in its life: requested, a driver assigned and on the way (arriving when close, then arrived at the
/// pickup), in progress with the passenger on board, and over: completed at the dropoff, unserved (no driver, or the
/// driver never picked the passenger up) or cancelled by the passenger before the pickup.
/// </summary>
[JsonConverter(typeof(TripStateJsonConverter))]
public enum TripState
{
    Requested,
    DriverAssigned,
    Unserved,
    Cancelled,
    DriverArriving,
    DriverArrived,
    InProgress,
    Completed,
}

public sealed class TripStateJsonConverter() : JsonStringEnumConverter<TripState>(JsonNamingPolicy.KebabCaseLower);

public static class TripStates
{
    /// <summary>The states in which the passenger may still cancel the trip: until they are picked up.</summary>
    public static IReadOnlyList<TripState> Cancellable { get; } =
        [TripState.Requested, TripState.DriverAssigned, TripState.DriverArriving, TripState.DriverArrived];

    /// <summary>The states of a trip not started yet: the driver may still be let go of it, and the trip end unserved.</summary>
    public static IReadOnlyList<TripState> NotStarted => Cancellable;

    public static bool CanBeCancelled(this TripState state) => Cancellable.Contains(state);

    /// <summary>After these nothing more happens to the trip.</summary>
    public static bool IsOver(this TripState state) => state is TripState.Completed or TripState.Unserved or TripState.Cancelled;

    /// <summary>
    /// Whether a trip in <paramref name="from"/> may move to <paramref name="to"/>. A trip only moves forward along the
    /// ride (assigned, arriving, arrived, in progress, completed), and may skip steps: the driver's steps and the
    /// Dispatcher's assignment travel on different channels, so a driver's step can arrive first, and a driver need
    /// not be seen arriving before arriving. It ends unserved only before the pickup, cancelled only while cancellable.
    /// </summary>
    public static bool CanMoveTo(this TripState from, TripState to) => to switch
    {
        _ when from.IsOver() => false,
        TripState.Cancelled => from.CanBeCancelled(),
        TripState.Unserved => NotStarted.Contains(from),
        TripState.Requested => false,
        _ => Progress(to) > Progress(from),
    };

    /// <summary>The states from which a trip may move to <paramref name="to"/>: the condition of its conditional update.</summary>
    public static string[] NamesOfStatesBefore(TripState to) =>
        [.. Enum.GetValues<TripState>().Where(from => from.CanMoveTo(to)).Select(from => from.Name())];

    private static int Progress(TripState state) => state switch
    {
        TripState.Requested => 0,
        TripState.DriverAssigned => 1,
        TripState.DriverArriving => 2,
        TripState.DriverArrived => 3,
        TripState.InProgress => 4,
        TripState.Completed => 5,
        _ => int.MaxValue,
    };

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
