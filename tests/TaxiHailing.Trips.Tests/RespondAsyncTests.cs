namespace TaxiHailing.Trips.Tests;

public class RespondAsyncTests
{
    [Theory]
    [InlineData("respond-async")]
    [InlineData("Respond-Async")]
    [InlineData("return=minimal, respond-async")]
    [InlineData("respond-async; wait=10")]
    [InlineData("wait=5,respond-async")]
    public void The_preference_is_found_among_others_whatever_its_case_and_parameters(string prefer)
    {
        Assert.True(RespondAsync.IsPreferred(prefer));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("return=representation")]
    [InlineData("respond-asynchronously")]
    [InlineData("wait=respond-async")]
    public void Without_the_preference_the_answer_stays_synchronous(string? prefer)
    {
        Assert.False(RespondAsync.IsPreferred(prefer));
    }
}
