using TaxiHailing.Contracts;

namespace TaxiHailing.Notifications.Tests;

public class TripProgressTests
{
    private readonly Trips _trip = new();

    [Fact]
    public void A_new_trip_tells_its_passenger_it_was_requested_and_remembers_whose_it_is()
    {
        var step = Assert.IsType<TripStep.Applied>(TripProgress.Apply(null, _trip.Created()));

        var notification = Assert.Single(step.Notifications);
        Assert.Equal(Recipient.Passenger(_trip.PassengerId), notification.Recipient);
        Assert.Equal(NotificationKinds.TripRequested, notification.Kind);
        var notice = Assert.IsType<TripRequestedNotice>(notification.Payload);
        Assert.Equal((_trip.TripId, _trip.Pickup, _trip.Dropoff, Trips.T0), (notice.TripId, notice.Pickup, notice.Dropoff, notice.At));
        Assert.Equal(_trip.Record(), step.Trip);
    }

    [Fact]
    public void A_trip_requested_again_notifies_nobody()
    {
        var step = TripProgress.Apply(_trip.Record(), _trip.Created());

        Assert.IsType<TripStep.Ignored>(step);
    }

    [Fact]
    public void A_driver_assigned_tells_the_passenger_who_is_coming_and_the_driver_where_to_go()
    {
        var step = Assert.IsType<TripStep.Applied>(TripProgress.Apply(_trip.Record(), _trip.Assigned()));

        Assert.Equal(_trip.DriverId, step.Trip.DriverId);
        Assert.Equal(
            [Recipient.Passenger(_trip.PassengerId), Recipient.Driver(_trip.DriverId)],
            step.Notifications.Select(n => n.Recipient));
        Assert.All(step.Notifications, n => Assert.Equal(NotificationKinds.DriverAssigned, n.Kind));

        var toPassenger = Assert.IsType<DriverOnTheWayNotice>(step.Notifications[0].Payload);
        Assert.Equal((_trip.DriverId, "Ada Lovelace", _trip.Vehicle, 240), (toPassenger.DriverId, toPassenger.DriverName, toPassenger.Vehicle, toPassenger.EtaSeconds));

        var toDriver = Assert.IsType<NewTripNotice>(step.Notifications[1].Payload);
        Assert.Equal((_trip.PassengerId, _trip.Pickup, 240), (toDriver.PassengerId, toDriver.Pickup, toDriver.EtaSeconds));
        Assert.Equal(Trips.T0.AddSeconds(1), toDriver.At);
    }

    [Fact]
    public void An_unserved_trip_tells_only_the_passenger_why()
    {
        var step = Assert.IsType<TripStep.Applied>(TripProgress.Apply(_trip.Record(), _trip.Unserved()));

        var notification = Assert.Single(step.Notifications);
        Assert.Equal(Recipient.Passenger(_trip.PassengerId), notification.Recipient);
        Assert.Equal("No driver is available within 10 km of the pickup", Assert.IsType<TripUnservedNotice>(notification.Payload).Reason);
        Assert.True(step.Trip.Unserved);
    }

    [Fact]
    public void A_cancelled_trip_with_a_driver_tells_the_passenger_and_the_driver()
    {
        var step = Assert.IsType<TripStep.Applied>(TripProgress.Apply(_trip.Record(driverId: _trip.DriverId), _trip.Cancelled()));

        Assert.Equal(
            [Recipient.Passenger(_trip.PassengerId), Recipient.Driver(_trip.DriverId)],
            step.Notifications.Select(n => n.Recipient));
        Assert.All(step.Notifications, n => Assert.Equal(Trips.T0.AddSeconds(30), Assert.IsType<TripCancelledNotice>(n.Payload).At));
        Assert.True(step.Trip.Cancelled);
    }

    [Fact]
    public void A_cancelled_trip_without_a_driver_tells_only_the_passenger()
    {
        var step = Assert.IsType<TripStep.Applied>(TripProgress.Apply(_trip.Record(), _trip.Cancelled()));

        Assert.Equal(Recipient.Passenger(_trip.PassengerId), Assert.Single(step.Notifications).Recipient);
    }

    [Fact]
    public void A_driver_assigned_after_the_cancellation_tells_only_the_driver_not_to_go()
    {
        var step = Assert.IsType<TripStep.Applied>(TripProgress.Apply(_trip.Record(cancelled: true), _trip.Assigned()));

        var notification = Assert.Single(step.Notifications);
        Assert.Equal(Recipient.Driver(_trip.DriverId), notification.Recipient);
        Assert.Equal(NotificationKinds.TripCancelled, notification.Kind);
        Assert.Equal(_trip.DriverId, step.Trip.DriverId);
    }

    [Fact]
    public void Unserved_after_the_cancellation_notifies_nobody()
    {
        Assert.IsType<TripStep.Ignored>(TripProgress.Apply(_trip.Record(cancelled: true), _trip.Unserved()));
    }

    [Fact]
    public void A_repeated_outcome_or_cancellation_notifies_nobody()
    {
        Assert.IsType<TripStep.Ignored>(TripProgress.Apply(_trip.Record(driverId: _trip.DriverId), _trip.Assigned()));
        Assert.IsType<TripStep.Ignored>(TripProgress.Apply(_trip.Record(driverId: _trip.DriverId), _trip.Unserved()));
        Assert.IsType<TripStep.Ignored>(TripProgress.Apply(_trip.Record(unserved: true), _trip.Assigned()));
        Assert.IsType<TripStep.Ignored>(TripProgress.Apply(_trip.Record(cancelled: true), _trip.Cancelled()));
    }

    [Fact]
    public void Events_of_a_trip_not_known_yet_are_held_not_dropped_or_failed()
    {
        Assert.IsType<TripStep.Held>(TripProgress.Apply(null, _trip.Assigned()));
        Assert.IsType<TripStep.Held>(TripProgress.Apply(null, _trip.Unserved()));
        Assert.IsType<TripStep.Held>(TripProgress.Apply(null, _trip.Cancelled()));
    }

    [Fact]
    public void Held_events_are_notified_after_the_trip_request_in_the_order_they_came()
    {
        var requested = Assert.IsType<TripStep.Applied>(TripProgress.Apply(null, _trip.Created()));

        var released = TripProgress.Release(requested, [_trip.Assigned(), _trip.Cancelled()]);

        Assert.Equal(
        [
            (RecipientKind.Passenger, NotificationKinds.TripRequested),
            (RecipientKind.Passenger, NotificationKinds.DriverAssigned),
            (RecipientKind.Driver, NotificationKinds.DriverAssigned),
            (RecipientKind.Passenger, NotificationKinds.TripCancelled),
            (RecipientKind.Driver, NotificationKinds.TripCancelled),
        ], released.Notifications.Select(n => (n.Recipient.Kind, n.Kind)));
        Assert.Equal(_trip.Record(driverId: _trip.DriverId, cancelled: true), released.Trip);
    }

    [Fact]
    public void A_held_event_gets_the_same_notifications_as_one_that_came_in_order()
    {
        var inOrder = Trips.Play(_trip.Created(), _trip.Assigned());
        var released = TripProgress.Release(
            Assert.IsType<TripStep.Applied>(TripProgress.Apply(null, _trip.Created())), [_trip.Assigned()]);

        Assert.Equal(inOrder.Notifications, released.Notifications);
        Assert.Equal(inOrder.Trip, released.Trip);
    }

    [Fact]
    public void A_whole_trip_gives_the_passenger_one_notification_per_event()
    {
        var (_, notifications) = Trips.Play(_trip.Created(), _trip.Assigned(), _trip.Cancelled());

        Assert.Equal(
            [NotificationKinds.TripRequested, NotificationKinds.DriverAssigned, NotificationKinds.TripCancelled],
            notifications.Where(n => n.Recipient.Kind == RecipientKind.Passenger).Select(n => n.Kind));
        Assert.Equal(
            [NotificationKinds.DriverAssigned, NotificationKinds.TripCancelled],
            notifications.Where(n => n.Recipient == Recipient.Driver(_trip.DriverId)).Select(n => n.Kind));
        Assert.All(notifications, n => Assert.Equal(_trip.TripId, n.TripId));
    }

    [Fact]
    public void Something_that_is_not_a_trip_event_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TripProgress.Apply(_trip.Record(), new GeoPoint(0, 0)));
    }
}
