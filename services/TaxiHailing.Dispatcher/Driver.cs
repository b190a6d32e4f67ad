using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// A driver of the fleet as the Drivers service reported it: free to take a trip, or busy with
/// <see cref="CurrentTripId"/>. The position is unknown until the driver first goes online.
/// </summary>
public sealed record Driver(Guid Id, string Name, Vehicle Vehicle, GeoPoint? Position, bool Available, Guid? CurrentTripId);

/// <summary>What the Dispatcher decided for a trip; no driver means the trip went unserved.</summary>
public sealed record DispatchDecision(Guid TripId, Guid? DriverId, DateTimeOffset DecidedAt)
{
    public DispatchOutcome Outcome => DriverId is null ? DispatchOutcome.Unserved : DispatchOutcome.DriverAssigned;
}
