using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace TaxiHailing.Trips;

/// <summary>One step of a trip's progress, as its event stream shows it: the trip as it was right after the step.</summary>
public sealed record TripProgressEvent(long Id, string Kind, string Trip);

/// <summary>
/// The trip's progress, appended in the same transaction as each change of state, so the stream a phone follows
/// shows exactly the changes that committed, in order, each with an id to resume from.
/// </summary>
public static class TripProgress
{
    public static string KindOf(TripState state) => state switch
    {
        TripState.Requested => "trip-requested",
        TripState.DriverAssigned => "driver-assigned",
        TripState.Unserved => "trip-unserved",
        TripState.Cancelled => "trip-cancelled",
        TripState.DriverArriving => "driver-arriving",
        TripState.DriverArrived => "driver-arrived",
        TripState.InProgress => "trip-started",
        TripState.Completed => "trip-completed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>After these, nothing more happens to the trip and its stream ends.</summary>
    public static bool IsFinal(string kind) => kind is "trip-unserved" or "trip-cancelled" or "trip-completed";

    /// <summary>Appends the step; its kind is the trip's state's, unless a step that did not change the state says otherwise.</summary>
    public static async Task AppendAsync(NpgsqlTransaction transaction, Trip trip, CancellationToken cancellationToken, string? kind = null)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO trip_progress (trip_id, kind, trip) VALUES ($1, $2, $3)", transaction.Connection, transaction)
        {
            Parameters =
            {
                new() { Value = trip.Id },
                new() { Value = kind ?? KindOf(trip.State) },
                new() { Value = JsonSerializer.Serialize(TripRepresentation.Of(trip), TripsJsonContext.Default.TripRepresentation), NpgsqlDbType = NpgsqlDbType.Jsonb },
            },
        };
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<TripProgressEvent>> AfterAsync(NpgsqlDataSource dataSource, Guid tripId, long afterId, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand("SELECT id, kind, trip::text FROM trip_progress WHERE trip_id = $1 AND id > $2 ORDER BY id");
        select.Parameters.Add(new NpgsqlParameter { Value = tripId });
        select.Parameters.Add(new NpgsqlParameter { Value = afterId });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var events = new List<TripProgressEvent>();
        while (await reader.ReadAsync(cancellationToken)) events.Add(new TripProgressEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        return events;
    }
}
