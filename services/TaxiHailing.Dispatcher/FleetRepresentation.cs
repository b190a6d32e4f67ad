namespace TaxiHailing.Dispatcher;

/// <summary>The whole fleet, with how many drivers are free and how many are on a trip.</summary>
public sealed record FleetRepresentation(IReadOnlyList<DriverRepresentation> Drivers, int Available, int Busy)
{
    public static FleetRepresentation Of(IReadOnlyList<Driver> drivers)
    {
        var available = drivers.Count(driver => driver.Available);
        return new([.. drivers.Select(DriverRepresentation.Of)], available, drivers.Count - available);
    }
}

public sealed record DriverRepresentation(
    Guid Id, string Name, VehicleRepresentation Vehicle, PositionRepresentation? Position, bool Available, Guid? CurrentTripId)
{
    public static DriverRepresentation Of(Driver driver) => new(
        driver.Id,
        driver.Name,
        new VehicleRepresentation(driver.Vehicle.Make, driver.Vehicle.Model, driver.Vehicle.Colour, driver.Vehicle.Plate),
        driver.Position is { } position ? new PositionRepresentation(position.Lat, position.Lng) : null,
        driver.Available,
        driver.CurrentTripId);
}

public sealed record VehicleRepresentation(string Make, string Model, string Colour, string Plate);

/// <summary>A place on the map, in WGS 84 degrees.</summary>
public sealed record PositionRepresentation(double Lat, double Lng);

/// <summary>What the Dispatcher decided for a trip: a driver, or unserved (no driver).</summary>
public sealed record AssignmentRepresentation(Guid TripId, Guid? DriverId, DispatchOutcome Outcome, DateTimeOffset DecidedAt)
{
    public static AssignmentRepresentation Of(DispatchDecision decision) =>
        new(decision.TripId, decision.DriverId, decision.Outcome, decision.DecidedAt);
}
