using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Notifications.Tests;

/// <summary>The messages of one trip, as the Trips service and the Dispatcher publish them.</summary>
internal sealed class Trips
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public Guid TripId { get; } = Guid.NewGuid();
    public Guid PassengerId { get; } = Guid.NewGuid();
    public Guid DriverId { get; } = Guid.NewGuid();
    public GeoPoint Pickup { get; } = new(51.5007, -0.1246);
    public GeoPoint Dropoff { get; } = new(51.5155, -0.0922);
    public Vehicle Vehicle { get; } = new("Toyota", "Prius", "silver", "LX21 ABC");

    public TripCreated Created() => new(TripId, PassengerId, Pickup, Dropoff, T0);

    public DriverAssigned Assigned() => new(TripId, DriverId, "Ada Lovelace", Vehicle, 240, T0.AddSeconds(1));

    public TripUnserved Unserved() => new(TripId, "No driver is available within 10 km of the pickup", T0.AddSeconds(1));

    public TripCancelled Cancelled() => new(TripId, T0.AddSeconds(30));

    public DriverArriving Arriving() => new(TripId, DriverId, Pickup, 0.4, T0.AddSeconds(60));

    public DriverArrived Arrived() => new(TripId, DriverId, Pickup, T0.AddSeconds(80));

    public PassengerPickedUp PickedUp() => new(TripId, DriverId, Pickup, T0.AddSeconds(90));

    public TripCompleted Completed() => new(TripId, PassengerId, DriverId, 2.6, 300, new Fare(8.66m, "GBP"), T0.AddSeconds(390));

    public TripAbandoned Abandoned() => new(TripId, DriverId, "The driver did not pick the passenger up within 10 minutes of being assigned.", T0.AddMinutes(10));

    public TripRecord Record(Guid? driverId = null, bool unserved = false, bool cancelled = false) =>
        new(TripId, PassengerId, Pickup, driverId, unserved, cancelled);

    /// <summary>Applies messages in order, as the handler does, collecting every notification.</summary>
    public static (TripRecord? Trip, List<Notification> Notifications) Play(params object[] messages)
    {
        TripRecord? trip = null;
        var notifications = new List<Notification>();
        foreach (var message in messages)
        {
            if (TripProgress.Apply(trip, message) is TripStep.Applied applied)
            {
                trip = applied.Trip;
                notifications.AddRange(applied.Notifications);
            }
        }

        return (trip, notifications);
    }
}
