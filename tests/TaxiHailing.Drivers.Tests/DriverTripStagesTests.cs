namespace TaxiHailing.Drivers.Tests;

/// <summary>The order of a driver's steps on a trip: arrival, pickup, dropoff, each once.</summary>
public class DriverTripStagesTests
{
    [Theory]
    [InlineData(DriverTripStage.Assigned, DriverTripStep.Arrive)]
    [InlineData(DriverTripStage.Arriving, DriverTripStep.Arrive)]
    [InlineData(DriverTripStage.Arrived, DriverTripStep.PickUp)]
    [InlineData(DriverTripStage.InProgress, DriverTripStep.DropOff)]
    public void Each_stage_allows_its_next_step(DriverTripStage stage, DriverTripStep step)
    {
        Assert.Equal(step, stage.NextStep());
        Assert.Equal(StepCheck.Allowed, DriverTripStages.Check(stage, step));
    }

    [Theory]
    [InlineData(DriverTripStage.Arrived, DriverTripStep.Arrive)]
    [InlineData(DriverTripStage.InProgress, DriverTripStep.PickUp)]
    [InlineData(DriverTripStage.Completed, DriverTripStep.DropOff)]
    public void A_step_taken_already_is_a_repeat(DriverTripStage stage, DriverTripStep step)
    {
        Assert.Equal(StepCheck.Repeated, DriverTripStages.Check(stage, step));
    }

    [Theory]
    [InlineData(DriverTripStage.Assigned, DriverTripStep.PickUp)]
    [InlineData(DriverTripStage.Assigned, DriverTripStep.DropOff)]
    [InlineData(DriverTripStage.Arriving, DriverTripStep.DropOff)]
    [InlineData(DriverTripStage.Arrived, DriverTripStep.DropOff)]
    [InlineData(DriverTripStage.InProgress, DriverTripStep.Arrive)]
    [InlineData(DriverTripStage.Completed, DriverTripStep.PickUp)]
    public void A_step_out_of_order_is_refused(DriverTripStage stage, DriverTripStep step)
    {
        Assert.Equal(StepCheck.OutOfOrder, DriverTripStages.Check(stage, step));
    }

    [Theory]
    [InlineData(DriverTripStage.Cancelled)]
    [InlineData(DriverTripStage.Abandoned)]
    public void No_step_is_taken_on_a_trip_cancelled_or_abandoned(DriverTripStage stage)
    {
        Assert.True(stage.IsOver());
        Assert.Null(stage.NextStep());
        Assert.All(Enum.GetValues<DriverTripStep>(), step => Assert.Equal(StepCheck.TripOver, DriverTripStages.Check(stage, step)));
    }

    [Fact]
    public void Stages_have_stable_names_that_parse_back()
    {
        Assert.Equal(["assigned", "arriving", "arrived", "in-progress", "completed", "cancelled", "abandoned"],
            Enum.GetValues<DriverTripStage>().Select(stage => stage.Name()));
        Assert.All(Enum.GetValues<DriverTripStage>(), stage => Assert.Equal(stage, DriverTripStages.ParseStage(stage.Name())));
    }

    [Fact]
    public void Only_trips_not_started_can_time_out()
    {
        Assert.Equal([DriverTripStage.Assigned, DriverTripStage.Arriving, DriverTripStage.Arrived], DriverTripStages.NotStarted);
    }
}
