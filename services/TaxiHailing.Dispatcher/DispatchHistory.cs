using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// The whole story of a trip's dispatch: the ride product and fare estimate asked for (none for a trip dispatched before
/// the Dispatcher read trips.trip-created.v2), each round's offer with the answers it got, and each confirmation asked for.
/// </summary>
public sealed record DispatchHistory(
    Guid TripId, RideProduct? Product, Fare? FareEstimate, DispatchStage Stage, int Round, DateTimeOffset? DueAt,
    IReadOnlyList<OfferHistory> Offers, IReadOnlyList<ConfirmationHistory> Confirmations);

/// <summary>An offer and its answers; a late answer came after the round closed and was not counted.</summary>
public sealed record OfferHistory(
    Guid OfferId, int Round, double RadiusKm, IReadOnlyList<Guid> DriverIds, DateTimeOffset OfferedAt, DateTimeOffset AnswerBy,
    IReadOnlyList<AnswerHistory> Answers);

public sealed record AnswerHistory(Guid DriverId, bool Accepted, int? EtaSeconds, DateTimeOffset AnsweredAt, DateTimeOffset ReceivedAt, bool Late);

/// <summary>
/// A request to confirm a driver. Outcome: null while waiting, then confirmed, refused or timed-out;
/// <see cref="LateAnswer"/> is what the Drivers service said after the request had timed out.
/// </summary>
public sealed record ConfirmationHistory(
    Guid ConfirmationId, Guid DriverId, DateTimeOffset RequestedAt, DateTimeOffset AnswerBy, string? Outcome, string? Reason,
    DateTimeOffset? SettledAt, string? LateAnswer);
