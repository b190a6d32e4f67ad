using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers.Tests;

/// <summary>The simulated driver's step on a trip: to the pickup, a wait for the passenger, to the dropoff.</summary>
public class TripDriveTests
{
    private static readonly GeoPoint Pickup = new(51.5007, -0.1246);
    private static readonly GeoPoint Dropoff = new(51.5194, -0.1270);
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Boarding = TimeSpan.FromSeconds(5);

    private static DriverTrip Trip(DriverTripStage stage, DateTimeOffset? arrivedAt = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Pickup, Dropoff, stage, Now.AddMinutes(-2), null, arrivedAt, null, null, 0, null);

    [Fact]
    public void A_driver_on_the_way_drives_one_step_straight_towards_the_pickup()
    {
        var start = GreatCircle.Destination(Pickup, 0, 1.0); // 1 km north of it

        var move = TripDrive.Next(Trip(DriverTripStage.Assigned), start, stepKm: 0.1, Boarding, Now);

        Assert.Null(move.Step);
        Assert.Equal(0.1, GreatCircle.DistanceKm(start, move.Position), 6);
        Assert.Equal(0.9, GreatCircle.DistanceKm(move.Position, Pickup), 6);
    }

    [Theory]
    [InlineData(DriverTripStage.Assigned)]
    [InlineData(DriverTripStage.Arriving)]
    public void A_driver_within_a_step_of_the_pickup_stops_there_and_arrives(DriverTripStage stage)
    {
        var close = GreatCircle.Destination(Pickup, Math.PI / 2, 0.05);

        var move = TripDrive.Next(Trip(stage), close, stepKm: 0.1, Boarding, Now);

        Assert.Equal(new TripMove(Pickup, DriverTripStep.Arrive), move);
    }

    [Fact]
    public void An_arrived_driver_waits_for_the_passenger_to_board_then_picks_them_up()
    {
        Assert.Equal(new TripMove(Pickup, null), TripDrive.Next(Trip(DriverTripStage.Arrived, Now.AddSeconds(-4)), Pickup, 0.1, Boarding, Now));
        Assert.Equal(new TripMove(Pickup, DriverTripStep.PickUp), TripDrive.Next(Trip(DriverTripStage.Arrived, Now.AddSeconds(-5)), Pickup, 0.1, Boarding, Now));
    }

    [Fact]
    public void With_the_passenger_on_board_the_driver_drives_to_the_dropoff_and_drops_them_off_there()
    {
        var trip = Trip(DriverTripStage.InProgress);
        var position = Pickup;
        var steps = 0;
        TripMove move;
        do
        {
            move = TripDrive.Next(trip, position, stepKm: 0.25, Boarding, Now);
            position = move.Position;
            steps++;
        }
        while (move.Step is null && steps < 100);

        Assert.Equal(new TripMove(Dropoff, DriverTripStep.DropOff), move);
        Assert.Equal((int)Math.Ceiling(GreatCircle.DistanceKm(Pickup, Dropoff) / 0.25), steps);
    }

    [Fact]
    public void At_a_trip_speed_of_zero_the_driver_stays_where_they_are()
    {
        var start = GreatCircle.Destination(Pickup, 0, 1.0);

        Assert.Equal(new TripMove(start, null), TripDrive.Next(Trip(DriverTripStage.Assigned), start, stepKm: 0, Boarding, Now));
    }

    [Theory]
    [InlineData(DriverTripStage.Completed)]
    [InlineData(DriverTripStage.Cancelled)]
    [InlineData(DriverTripStage.Abandoned)]
    public void A_trip_that_is_over_moves_nobody(DriverTripStage stage)
    {
        Assert.Equal(new TripMove(Pickup, null), TripDrive.Next(Trip(stage), Pickup, 0.1, Boarding, Now));
    }
}
