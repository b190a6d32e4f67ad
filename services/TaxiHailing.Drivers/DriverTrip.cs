using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers;

/// <summary>
/// A trip the Dispatcher gave a driver, as the driver does it: to the pickup (arriving within
/// <see cref="DriverTripStages.ArrivingWithinKm"/>, then arrived), with the passenger (in progress, counting the
/// distance the driver's reported positions cover), and over: completed at the dropoff, cancelled by the passenger,
/// or abandoned when never started within the pickup timeout.
/// </summary>
public sealed record DriverTrip(
    Guid TripId,
    Guid DriverId,
    GeoPoint Pickup,
    GeoPoint Dropoff,
    DriverTripStage Stage,
    DateTimeOffset AssignedAt,
    DateTimeOffset? ArrivingAt,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? PickedUpAt,
    DateTimeOffset? EndedAt,
    double DistanceKm,
    string? EndReason);

public enum DriverTripStage
{
    Assigned,
    Arriving,
    Arrived,
    InProgress,
    Completed,
    Cancelled,
    Abandoned,
}

/// <summary>What a driver does next on a trip: one of the three steps a phone (or the simulated fleet) takes.</summary>
public enum DriverTripStep
{
    Arrive,
    PickUp,
    DropOff,
}

/// <summary>Whether a step may be taken in a stage: once, in order, and never on a trip that is over.</summary>
public enum StepCheck
{
    Allowed,
    Repeated,
    OutOfOrder,
    TripOver,
}

public static class DriverTripStages
{
    /// <summary>A driver on the way who comes this close to the pickup is arriving.</summary>
    public const double ArrivingWithinKm = 0.5;

    /// <summary>The stages of a trip not started yet: the pickup timeout applies.</summary>
    public static readonly IReadOnlyList<DriverTripStage> NotStarted = [DriverTripStage.Assigned, DriverTripStage.Arriving, DriverTripStage.Arrived];

    public static bool IsOver(this DriverTripStage stage) => stage is DriverTripStage.Completed or DriverTripStage.Cancelled or DriverTripStage.Abandoned;

    /// <summary>The step the driver may take next in this stage, if any.</summary>
    public static DriverTripStep? NextStep(this DriverTripStage stage) => stage switch
    {
        DriverTripStage.Assigned or DriverTripStage.Arriving => DriverTripStep.Arrive,
        DriverTripStage.Arrived => DriverTripStep.PickUp,
        DriverTripStage.InProgress => DriverTripStep.DropOff,
        _ => null,
    };

    /// <summary>The stage a step leads to.</summary>
    public static DriverTripStage Reached(this DriverTripStep step) => step switch
    {
        DriverTripStep.Arrive => DriverTripStage.Arrived,
        DriverTripStep.PickUp => DriverTripStage.InProgress,
        _ => DriverTripStage.Completed,
    };

    public static StepCheck Check(DriverTripStage stage, DriverTripStep step)
    {
        if (stage.NextStep() == step) return StepCheck.Allowed;
        if (stage == step.Reached()) return StepCheck.Repeated;
        return stage is DriverTripStage.Cancelled or DriverTripStage.Abandoned ? StepCheck.TripOver : StepCheck.OutOfOrder;
    }

    /// <summary>The stage as stored and shown: "assigned", "arriving", "in-progress", ...</summary>
    public static string Name(this DriverTripStage stage) => stage switch
    {
        DriverTripStage.InProgress => "in-progress",
        _ => stage.ToString().ToLowerInvariant(),
    };

    public static DriverTripStage ParseStage(string name)
    {
        foreach (var stage in Enum.GetValues<DriverTripStage>())
        {
            if (stage.Name() == name) return stage;
        }

        throw new InvalidOperationException($"driver_trips holds an unknown stage '{name}'.");
    }
}

/// <summary>How a driver's step on a trip ended.</summary>
public abstract record TripStepOutcome
{
    private TripStepOutcome()
    {
    }

    /// <summary>Recorded, and its event written to the outbox.</summary>
    public sealed record Taken(DriverTrip Trip) : TripStepOutcome;

    /// <summary>The driver had taken this step already: nothing changed, nothing sent again.</summary>
    public sealed record Repeated(DriverTrip Trip) : TripStepOutcome;

    /// <summary>Not the step this stage allows (or the trip is over); the trip as it is.</summary>
    public sealed record Refused(DriverTrip Trip, StepCheck Check) : TripStepOutcome;

    /// <summary>The driver has no such trip.</summary>
    public sealed record UnknownTrip : TripStepOutcome;
}
