using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.MessageFixtures;

/// <summary>
/// One morning's traffic, as each service's outbox writes it: a driver joins and goes online, a passenger asks for an
/// XL from Westminster to Bank (trip-created v1 and v2, as Trip Management publishes both), the Dispatcher offers it,
/// the driver accepts, is confirmed and assigned, drives it to the end; other trips go unserved, are cancelled, or
/// abandoned. Each message type appears once.
/// </summary>
public static class RecordedStory
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 15, 2, 483, 117, TimeSpan.Zero);

    public static IReadOnlyList<Recording> Record()
    {
        var ids = new Ids(T0, seed: 20261120);
        var (ada, bo, passenger, tripA, tripB, tripC, tripD) = (ids.Entity(), ids.Entity(), ids.Entity(), ids.Entity(), ids.Entity(), ids.Entity(), ids.Entity());
        var (offerId, confirmationId) = (ids.Entity(), ids.Entity());
        var vehicle = new Vehicle("Toyota", "Prius+", "Silver", "LX21 ABC");
        var (westminster, bank, adaNow) = (new GeoPoint(51.5007, -0.1246), new GeoPoint(51.5155, -0.0922), new GeoPoint(51.50291, -0.11912));
        var (a, b, c, d) = (tripA.ToString(), tripB.ToString(), tripC.ToString(), tripD.ToString());

        var registered = Recording.Of(new DriverRegistered(ada, "Ada Lovelace", vehicle, T0.AddHours(-1)), DriversChannels.Events, ada.ToString(), ids);
        var online = Recording.Of(new DriverAvailabilityChanged(ada, true, new GeoPoint(51.5033, -0.1196), T0.AddMinutes(-50)), DriversChannels.Events, ada.ToString(), ids);
        var moved = Recording.Of(new DriverLocationReported(ada, adaNow, T0.AddSeconds(-2)), DriversChannels.Locations, ada.ToString(), ids);
        var createdV1 = Recording.Of(new TripCreated(tripA, passenger, westminster, bank, T0), TripsChannels.Events, a, ids);
        var createdV2 = Recording.Of(new TripCreatedV2(tripA, passenger, new Place(westminster, "Westminster Bridge Rd, London SE1 7PB"),
            new Place(bank, "Bank Station, London EC3V 3LA"), RideProduct.Xl, new Fare(23.40m, "GBP"), T0), TripsChannels.Events, a, ids);
        var trip = createdV2.Headers["correlation-id"];
        var offered = Recording.Of(new TripOffered(offerId, tripA, 1, westminster, bank, [ada, bo], T0.AddSeconds(0.1), T0.AddSeconds(15.1)),
            DispatchChannels.Offers, a, ids, offerId.ToString(), createdV2.MessageId, DispatchChannels.Replies);
        var answered = Recording.Of(new OfferAnswered(tripA, ada, true, adaNow, T0.AddSeconds(3)),
            DispatchChannels.Replies, a, ids, offerId.ToString(), offered.MessageId);
        var confirm = Recording.Of(new ConfirmAssignment(tripA, ada, T0.AddSeconds(8.1)),
            DriversChannels.Requests, a, ids, confirmationId.ToString(), answered.MessageId, DispatchChannels.Replies);
        var confirmed = Recording.Of(new AssignmentAnswered(tripA, ada, true, null, T0.AddSeconds(3.2)),
            DispatchChannels.Replies, a, ids, confirmationId.ToString(), confirm.MessageId);
        var assigned = Recording.Of(new DriverAssigned(tripA, ada, "Ada Lovelace", vehicle, 95, T0.AddSeconds(3.3)),
            DispatchChannels.Events, a, ids, trip, confirmed.MessageId);
        var withdrawn = Recording.Of(new OfferWithdrawn(offerId, tripA, [bo], "The trip went to another driver", T0.AddSeconds(3.3)),
            DispatchChannels.Offers, a, ids, trip, confirmed.MessageId);
        var pickedUpAt = T0.AddSeconds(101.7);
        return
        [
            registered, online, moved, createdV1, createdV2, offered, answered, confirm, confirmed, assigned, withdrawn,
            Recording.Of(new DriverArriving(tripA, ada, new GeoPoint(51.50212, -0.12101), 0.31, T0.AddSeconds(62.4)), DriversChannels.Trips, a, ids),
            Recording.Of(new DriverArrived(tripA, ada, westminster, T0.AddSeconds(88.9)), DriversChannels.Trips, a, ids),
            Recording.Of(new PassengerPickedUp(tripA, ada, westminster, pickedUpAt), DriversChannels.Trips, a, ids),
            Recording.Of(new PassengerDroppedOff(tripA, ada, bank, 2.64, pickedUpAt, T0.AddSeconds(702.5)), DriversChannels.Trips, a, ids),
            Recording.Of(new TripCompleted(tripA, passenger, ada, 2.64, 601, new Fare(11.85m, "GBP"), T0.AddSeconds(702.6)), TripsChannels.Events, a, ids),
            Recording.Of(new TripUnserved(tripB, "No driver is available within 10 km of the pickup", T0.AddSeconds(20)), DispatchChannels.Events, b, ids),
            Recording.Of(new TripCancelled(tripC, T0.AddSeconds(41.25)), TripsChannels.Events, c, ids),
            Recording.Of(new TripAbandoned(tripD, bo, TripAbandonedReasons.PickupTimedOut(TimeSpan.FromMinutes(10)), T0.AddMinutes(11)), DriversChannels.Trips, d, ids),
        ];
    }

    /// <summary>A trip requested in March 2025, long before v2: trip-created v1 as Trip Management wrote it then, alone.</summary>
    public static Recording OldTripCreated()
    {
        var requestedAt = new DateTimeOffset(2025, 3, 14, 9, 26, 53, 118, 204, TimeSpan.Zero);
        var ids = new Ids(requestedAt, seed: 20250314);
        var (trip, passenger) = (ids.Entity(), ids.Entity());
        return Recording.Of(new TripCreated(trip, passenger, new GeoPoint(51.5308, -0.1238), new GeoPoint(51.5033, -0.1195), requestedAt),
            TripsChannels.Events, trip.ToString(), ids);
    }
}
