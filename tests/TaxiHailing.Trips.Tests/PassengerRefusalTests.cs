using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

public class PassengerRefusalTests
{
    private static readonly Guid PassengerId = Guid.Parse("0190b7a5-1d2e-7c3f-8a4b-5c6d7e8f9a0b");

    [Fact]
    public void An_active_passenger_is_not_refused()
    {
        Assert.Null(PassengerRefusal.For(PassengerStanding.Active, PassengerId));
    }

    [Theory]
    [InlineData(PassengerStanding.Unknown, StatusCodes.Status422UnprocessableEntity, "Unknown passenger")]
    [InlineData(PassengerStanding.Suspended, StatusCodes.Status403Forbidden, "Passenger suspended")]
    [InlineData(PassengerStanding.Unavailable, StatusCodes.Status503ServiceUnavailable, "Passenger directory unavailable")]
    public void Each_standing_maps_to_its_problem(PassengerStanding standing, int statusCode, string title)
    {
        var refusal = PassengerRefusal.For(standing, PassengerId);

        Assert.NotNull(refusal);
        Assert.Equal(statusCode, refusal.StatusCode);
        Assert.Equal(statusCode, refusal.Problem.ProblemDetails.Status);
        Assert.Equal(title, refusal.Problem.ProblemDetails.Title);
    }

    [Theory]
    [InlineData(PassengerStanding.Unknown)]
    [InlineData(PassengerStanding.Suspended)]
    public void Only_an_unavailable_directory_asks_to_retry(PassengerStanding standing)
    {
        Assert.Null(PassengerRefusal.For(standing, PassengerId)!.RetryAfterDelay);
        Assert.Equal(PassengerRefusal.RetryAfter, PassengerRefusal.For(PassengerStanding.Unavailable, PassengerId)!.RetryAfterDelay);
    }

    [Fact]
    public async Task An_unavailable_directory_is_answered_with_503_problem_json_and_retry_after()
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        };
        context.Response.Body = new MemoryStream();

        await PassengerRefusal.For(PassengerStanding.Unavailable, PassengerId)!.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
    }

    [Fact]
    public async Task A_suspended_passenger_is_answered_without_retry_after()
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        };
        context.Response.Body = new MemoryStream();

        await PassengerRefusal.For(PassengerStanding.Suspended, PassengerId)!.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Retry-After"));
    }
}
