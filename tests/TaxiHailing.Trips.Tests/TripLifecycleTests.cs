using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

/// <summary>The trip's state machine: which state may follow which, as the handlers' conditional updates apply it.</summary>
public class TripLifecycleTests
{
    private static readonly TripState[] Ride =
        [TripState.Requested, TripState.DriverAssigned, TripState.DriverArriving, TripState.DriverArrived, TripState.InProgress, TripState.Completed];

    [Fact]
    public void A_trip_runs_through_the_ride_step_by_step()
    {
        foreach (var (from, to) in Ride.Zip(Ride.Skip(1)))
        {
            Assert.True(from.CanMoveTo(to), $"{from} -> {to}");
        }
    }

    [Theory]
    [InlineData(TripState.DriverAssigned, TripState.DriverArrived)] // nobody saw the driver arriving
    [InlineData(TripState.Requested, TripState.DriverArriving)] // the driver's step came before the assignment
    [InlineData(TripState.Requested, TripState.Completed)]
    public void A_trip_may_skip_steps_forward(TripState from, TripState to)
    {
        Assert.True(from.CanMoveTo(to));
    }

    [Fact]
    public void A_trip_never_goes_back()
    {
        for (var i = 0; i < Ride.Length; i++)
        {
            for (var j = 0; j <= i; j++) Assert.False(Ride[i].CanMoveTo(Ride[j]), $"{Ride[i]} -> {Ride[j]}");
        }
    }

    [Theory]
    [InlineData(TripState.Completed)]
    [InlineData(TripState.Unserved)]
    [InlineData(TripState.Cancelled)]
    public void Nothing_follows_the_end_of_a_trip(TripState over)
    {
        Assert.True(over.IsOver());
        Assert.All(Enum.GetValues<TripState>(), to => Assert.False(over.CanMoveTo(to)));
    }

    [Fact]
    public void A_trip_ends_unserved_only_before_the_pickup()
    {
        Assert.Equal(
            [TripState.Requested, TripState.DriverAssigned, TripState.DriverArriving, TripState.DriverArrived],
            Enum.GetValues<TripState>().Where(from => from.CanMoveTo(TripState.Unserved)).Order());
    }

    [Fact]
    public void A_trip_is_cancelled_only_from_a_cancellable_state()
    {
        Assert.Equal(TripStates.Cancellable.Order(), Enum.GetValues<TripState>().Where(from => from.CanMoveTo(TripState.Cancelled)).Order());
    }

    [Fact]
    public void The_update_condition_names_the_states_a_step_may_come_from()
    {
        Assert.Equal(["requested", "driver-assigned", "driver-arriving", "driver-arrived"], TripStates.NamesOfStatesBefore(TripState.InProgress));
        Assert.Equal(["requested", "driver-assigned", "driver-arriving", "driver-arrived", "in-progress"], TripStates.NamesOfStatesBefore(TripState.Completed));
    }

    [Theory]
    [InlineData(TripState.DriverArriving, "driver-arriving", false)]
    [InlineData(TripState.DriverArrived, "driver-arrived", false)]
    [InlineData(TripState.InProgress, "trip-started", false)]
    [InlineData(TripState.Completed, "trip-completed", true)]
    [InlineData(TripState.Unserved, "trip-unserved", true)]
    public void Each_step_has_its_event_on_the_trip_stream_and_the_end_closes_it(TripState state, string kind, bool final)
    {
        Assert.Equal(kind, TripProgress.KindOf(state));
        Assert.Equal(final, TripProgress.IsFinal(kind));
    }
}
