using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

public class TripStatesTests
{
    [Fact]
    public void A_requested_trip_can_be_cancelled()
    {
        Assert.True(TripState.Requested.CanBeCancelled());
    }

    [Fact]
    public void A_cancelled_trip_cannot_be_cancelled_again()
    {
        Assert.False(TripState.Cancelled.CanBeCancelled());
    }

    [Fact]
    public void A_trip_with_a_driver_on_the_way_can_still_be_cancelled()
    {
        Assert.True(TripState.DriverAssigned.CanBeCancelled());
    }

    [Fact]
    public void An_unserved_trip_is_over_and_cannot_be_cancelled()
    {
        Assert.False(TripState.Unserved.CanBeCancelled());
    }

    [Theory]
    [InlineData(TripState.DriverArriving)]
    [InlineData(TripState.DriverArrived)]
    public void A_trip_whose_driver_is_close_or_waiting_can_still_be_cancelled(TripState state)
    {
        Assert.True(state.CanBeCancelled());
    }

    [Theory]
    [InlineData(TripState.InProgress)]
    [InlineData(TripState.Completed)]
    public void Once_the_passenger_is_on_board_the_trip_cannot_be_cancelled(TripState state)
    {
        Assert.False(state.CanBeCancelled());
    }

    [Theory]
    [InlineData(TripState.Requested, "requested")]
    [InlineData(TripState.DriverAssigned, "driver-assigned")]
    [InlineData(TripState.Unserved, "unserved")]
    [InlineData(TripState.Cancelled, "cancelled")]
    [InlineData(TripState.DriverArriving, "driver-arriving")]
    [InlineData(TripState.DriverArrived, "driver-arrived")]
    [InlineData(TripState.InProgress, "in-progress")]
    [InlineData(TripState.Completed, "completed")]
    public void States_have_stable_names_that_parse_back(TripState state, string name)
    {
        Assert.Equal(name, state.Name());
        Assert.Equal(state, TripStates.Parse(name));
    }

    [Fact]
    public void Every_state_round_trips_through_its_name()
    {
        foreach (var state in Enum.GetValues<TripState>())
        {
            Assert.Equal(state, TripStates.Parse(state.Name()));
        }
    }

    [Fact]
    public void An_unknown_state_name_does_not_parse()
    {
        Assert.Throws<FormatException>(() => TripStates.Parse("Requested"));
    }
}
