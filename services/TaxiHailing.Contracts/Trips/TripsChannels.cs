namespace TaxiHailing.Contracts.Trips;

public static class TripsChannels
{
    /// <summary>What happens to trips, published by Trip Management; keyed by trip id.</summary>
    public static readonly Channel Events = new("taxi.trips.events", [TripCreated.MessageType, TripCreatedV2.MessageType, TripCancelled.MessageType, TripCompleted.MessageType]);
}
