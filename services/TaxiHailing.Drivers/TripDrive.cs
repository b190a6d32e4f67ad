using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers;

/// <summary>Where a simulated driver on a trip goes in one tick, and the step they take there, if any.</summary>
public sealed record TripMove(GeoPoint Position, DriverTripStep? Step);

/// <summary>
/// How a simulated driver does a trip: straight to the pickup at the trip speed (the driver ledger sees them arriving
/// as they come close), a wait of <see cref="SimulationOptions.BoardingSeconds"/> there for the passenger to board,
/// then straight to the dropoff. Pure: the fleet simulator reports the move and takes the step as a phone would.
/// </summary>
public static class TripDrive
{
    public static TripMove Next(DriverTrip trip, GeoPoint position, double stepKm, TimeSpan boarding, DateTimeOffset now) => trip.Stage switch
    {
        DriverTripStage.Assigned or DriverTripStage.Arriving => Toward(position, trip.Pickup, stepKm, DriverTripStep.Arrive),
        DriverTripStage.Arrived => new(position, now - trip.ArrivedAt >= boarding ? DriverTripStep.PickUp : null),
        DriverTripStage.InProgress => Toward(position, trip.Dropoff, stepKm, DriverTripStep.DropOff),
        _ => new(position, null),
    };

    private static TripMove Toward(GeoPoint position, GeoPoint target, double stepKm, DriverTripStep stepThere)
    {
        var distance = GreatCircle.DistanceKm(position, target);
        if (distance <= stepKm) return new(target, stepThere);
        return new(GreatCircle.Destination(position, GreatCircle.InitialBearing(position, target), stepKm), null);
    }
}
