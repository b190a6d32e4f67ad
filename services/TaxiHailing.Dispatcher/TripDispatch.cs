using System.Text.Json;
using System.Text.Json.Serialization;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// Where a trip's dispatch stands: offering it (round <see cref="Round"/>, offer <see cref="OfferId"/>), waiting for
/// the chosen driver's confirmation (<see cref="ConfirmationId"/>), or over. <see cref="DueAt"/> is when the current
/// stage runs out. The correlation id and trace context are the trip request's, so that every message the dispatch
/// sends, whenever it sends it, belongs to the trip's conversation and trace.
/// </summary>
public sealed record TripDispatch(
    Guid TripId, GeoPoint Pickup, GeoPoint Dropoff, string CorrelationId, string? TraceParent, string? TraceState,
    DispatchStage Stage, int Round, Guid? OfferId, Guid? ConfirmationId, DateTimeOffset? DueAt);

/// <summary>What the passenger asked for and was quoted: kept with the dispatch, shown in its history.</summary>
public sealed record RequestedRide(RideProduct Product, Fare? FareEstimate);

public static class RideProducts
{
    /// <summary>A product's name as the contracts write it ("standard", "xl").</summary>
    public static string Name(this RideProduct product) => JsonSerializer.Serialize(product, ContractsJsonContext.Default.RideProduct).Trim('"');

    public static RideProduct? Parse(string? name) =>
        name is null ? null : Enum.GetValues<RideProduct>().Cast<RideProduct?>().FirstOrDefault(product => product!.Value.Name() == name)
            ?? throw new InvalidOperationException($"Unknown ride product '{name}' in the database.");
}

/// <summary>The stages of a dispatch, as stored and shown ("offering", "confirming", ...).</summary>
[JsonConverter(typeof(DispatchStageJsonConverter))]
public enum DispatchStage
{
    Offering,
    Confirming,
    Assigned,
    Unserved,
    Cancelled,
}

public sealed class DispatchStageJsonConverter() : JsonStringEnumConverter<DispatchStage>(JsonNamingPolicy.KebabCaseLower);

/// <summary>One round's offer: the drivers it went to, and until when they may answer.</summary>
public sealed record Offer(Guid OfferId, Guid TripId, int Round, double RadiusKm, IReadOnlyList<Guid> DriverIds, DateTimeOffset OfferedAt, DateTimeOffset AnswerBy);

/// <summary>A driver who accepted an offer in time, and how long they reckon to reach the pickup.</summary>
public sealed record Acceptance(Guid DriverId, int EtaSeconds);

/// <summary>A request to the Drivers service to confirm the chosen driver.</summary>
public sealed record Confirmation(Guid ConfirmationId, Guid TripId, Guid DriverId, DateTimeOffset RequestedAt, DateTimeOffset AnswerBy);

public static class DispatchStages
{
    public static string Name(this DispatchStage stage) => JsonNamingPolicy.KebabCaseLower.ConvertName(stage.ToString());

    public static DispatchStage Parse(string name) =>
        Enum.GetValues<DispatchStage>().Cast<DispatchStage?>().FirstOrDefault(stage => stage!.Value.Name() == name)
        ?? throw new InvalidOperationException($"Unknown dispatch stage '{name}' in the database.");
}
