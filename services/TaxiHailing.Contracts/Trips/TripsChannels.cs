namespace TaxiHailing.Contracts.Trips;

public static class TripsChannels
{
    /// <summary>What happens to trips, published by Trip Management; keyed by trip id.</summary>
    public static readonly Channel Events = new("taxi.trips.events", [TripCreated.MessageType, TripCancelled.MessageType, TripCompleted.MessageType]);
}
