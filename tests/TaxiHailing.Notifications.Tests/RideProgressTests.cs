namespace TaxiHailing.Notifications.Tests;

/// <summary>The ride's steps, as the phones hear of them.</summary>
public class RideProgressTests
{
    private readonly Trips _trip = new();

    [Fact]
    public void The_passenger_hears_of_every_step_of_the_ride_and_both_phones_of_its_end()
    {
        var (trip, notifications) = Trips.Play(_trip.Created(), _trip.Assigned(), _trip.Arriving(), _trip.Arrived(), _trip.PickedUp(), _trip.Completed());

        Assert.Equal(RideStage.Completed, trip!.Stage);
        Assert.True(trip.Over);
        var toPassenger = notifications.Where(n => n.Recipient == Recipient.Passenger(_trip.PassengerId)).Select(n => n.Kind);
        Assert.Equal(["trip-requested", "driver-assigned", "driver-arriving", "driver-arrived", "trip-started", "trip-completed"], toPassenger);
        var toDriver = notifications.Where(n => n.Recipient == Recipient.Driver(_trip.DriverId)).Select(n => n.Kind);
        Assert.Equal(["driver-assigned", "trip-completed"], toDriver);
        var completed = Assert.IsType<TripCompletedNotice>(notifications[^1].Payload);
        Assert.Equal((2.6, 300, 8.66m, "GBP"), (completed.DistanceKm, completed.DurationSeconds, completed.Fare.Amount, completed.Fare.Currency));
    }

    [Fact]
    public void A_step_behind_the_one_known_or_after_the_end_notifies_nobody()
    {
        var arrived = _trip.Record(_trip.DriverId) with { Stage = RideStage.DriverArrived };

        Assert.IsType<TripStep.Ignored>(TripProgress.Apply(arrived, _trip.Arriving()));
        Assert.IsType<TripStep.Ignored>(TripProgress.Apply(arrived, _trip.Arrived()));
        Assert.IsType<TripStep.Ignored>(TripProgress.Apply(arrived with { Cancelled = true }, _trip.PickedUp()));
        Assert.IsType<TripStep.Ignored>(TripProgress.Apply(arrived with { Stage = RideStage.Completed }, _trip.Completed()));
    }

    [Fact]
    public void A_driver_not_seen_arriving_still_arrives()
    {
        var step = Assert.IsType<TripStep.Applied>(TripProgress.Apply(_trip.Record(_trip.DriverId), _trip.Arrived()));

        Assert.Equal("driver-arrived", Assert.Single(step.Notifications).Kind);
        Assert.Equal(RideStage.DriverArrived, step.Trip.Stage);
    }

    [Fact]
    public void A_trip_the_driver_never_started_is_unserved_for_the_passenger_and_released_for_the_driver()
    {
        var step = Assert.IsType<TripStep.Applied>(TripProgress.Apply(_trip.Record(_trip.DriverId), _trip.Abandoned()));

        Assert.True(step.Trip.Unserved);
        Assert.Equal([(Recipient.Passenger(_trip.PassengerId), "trip-unserved"), (Recipient.Driver(_trip.DriverId), "trip-released")],
            step.Notifications.Select(n => (n.Recipient, n.Kind)));
        Assert.Contains("10 minutes", Assert.IsType<TripReleasedNotice>(step.Notifications[1].Payload).Reason);
        Assert.IsType<TripStep.Ignored>(TripProgress.Apply(_trip.Record(_trip.DriverId) with { Stage = RideStage.InProgress }, _trip.Abandoned()));
    }

    [Fact]
    public void A_driver_step_that_came_before_the_trip_request_is_held_and_notified_after_it()
    {
        Assert.IsType<TripStep.Held>(TripProgress.Apply(null, _trip.Arriving()));

        var requested = Assert.IsType<TripStep.Applied>(TripProgress.Apply(null, _trip.Created()));
        var released = TripProgress.Release(requested, [_trip.Assigned(), _trip.Arriving()]);

        Assert.Equal(["trip-requested", "driver-assigned", "driver-assigned", "driver-arriving"], released.Notifications.Select(n => n.Kind));
    }

    [Fact]
    public void Stages_are_stored_by_stable_names()
    {
        Assert.Equal(["not-started", "driver-arriving", "driver-arrived", "in-progress", "completed"], Enum.GetValues<RideStage>().Select(stage => stage.Name()));
        Assert.All(Enum.GetValues<RideStage>(), stage => Assert.Equal(stage, RideStages.Parse(stage.Name())));
    }
}
