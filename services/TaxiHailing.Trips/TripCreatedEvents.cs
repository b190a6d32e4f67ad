using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Trips;

/// <summary>
/// A requested trip is announced in both versions while consumers migrate from v1 to v2 (docs/api-evolution.md):
/// v1 first, then v2, on the trip's key, so each consumer reads the one version it subscribes to and skips the other.
/// </summary>
public static class TripCreatedEvents
{
    public static async Task AddAsync(Outbox outbox, NpgsqlTransaction transaction, Trip trip, CancellationToken cancellationToken)
    {
        var key = trip.Id.ToString();
        await outbox.AddAsync(transaction, TripsChannels.Events, key, V1(trip), cancellationToken);
        await outbox.AddAsync(transaction, TripsChannels.Events, key, V2(trip), cancellationToken);
    }

    public static TripCreated V1(Trip trip) => new(trip.Id, trip.PassengerId, Point(trip.Pickup), Point(trip.Dropoff), trip.RequestedAt);

    public static TripCreatedV2 V2(Trip trip)
    {
        var booking = trip.Booking ?? TripBooking.Standard;
        var estimate = booking.FareEstimate ?? throw new InvalidOperationException($"Trip {trip.Id} was stored without a fare estimate.");
        return new(trip.Id, trip.PassengerId,
            new Place(Point(trip.Pickup), booking.PickupAddress), new Place(Point(trip.Dropoff), booking.DropoffAddress),
            booking.Product, new Fare(estimate.Amount, estimate.Currency), trip.RequestedAt);
    }

    private static GeoPoint Point(Location location) => new(location.Lat, location.Lng);
}
