using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Hosting;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

public class PassengerDirectoryTests
{
    private static readonly Guid PassengerId = Guid.Parse("0190b7a5-1d2e-7c3f-8a4b-5c6d7e8f9a0b");

    [Theory]
    [InlineData("active", PassengerStanding.Active)]
    [InlineData("suspended", PassengerStanding.Suspended)]
    [InlineData("closed", PassengerStanding.Suspended)]
    public async Task The_passengers_status_decides_the_standing(string status, PassengerStanding expected)
    {
        var passengers = new StubPassengers(_ => StubPassengers.Json(HttpStatusCode.OK, $$"""{ "id": "{{PassengerId}}", "status": "{{status}}", "name": "Ada" }"""));

        Assert.Equal(new PassengerCheck(expected), await StubPassengers.Directory(passengers).CheckAsync(PassengerId, CancellationToken.None));
    }

    [Fact]
    public async Task It_asks_for_the_passenger_by_id()
    {
        var passengers = new StubPassengers(_ => StubPassengers.Json(HttpStatusCode.OK, """{ "status": "active" }"""));

        await StubPassengers.Directory(passengers).CheckAsync(PassengerId, CancellationToken.None);

        var request = Assert.Single(passengers.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"http://passengers/v1/passengers/{PassengerId}", request.RequestUri!.ToString());
    }

    [Fact]
    public async Task A_404_means_the_passenger_is_unknown()
    {
        var passengers = new StubPassengers(_ => StubPassengers.Json(HttpStatusCode.NotFound, """{ "title": "Passenger not found" }"""));

        Assert.Equal(new PassengerCheck(PassengerStanding.Unknown), await StubPassengers.Directory(passengers).CheckAsync(PassengerId, CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task An_error_answer_means_the_directory_is_unavailable(HttpStatusCode statusCode)
    {
        var passengers = new StubPassengers(_ => new HttpResponseMessage(statusCode));

        Assert.Equal(PassengerCheck.Unavailable(DependencyFailure.ErrorAnswer), await StubPassengers.Directory(passengers).CheckAsync(PassengerId, CancellationToken.None));
    }

    [Fact]
    public async Task An_unreadable_answer_means_the_directory_is_unavailable()
    {
        var passengers = new StubPassengers(_ => StubPassengers.Json(HttpStatusCode.OK, "<html>gateway</html>"));

        Assert.Equal(PassengerCheck.Unavailable(DependencyFailure.ErrorAnswer), await StubPassengers.Directory(passengers).CheckAsync(PassengerId, CancellationToken.None));
    }

    public static TheoryData<Exception, DependencyFailure> Failures() => new()
    {
        { new HttpRequestException("Connection refused"), DependencyFailure.Unreachable },
        { new TimeoutRejectedException(), DependencyFailure.Timeout },
        { new BrokenCircuitException(), DependencyFailure.CircuitOpen },
        { new RateLimiterRejectedException(), DependencyFailure.ConcurrencyLimit },
        { new TaskCanceledException("HttpClient.Timeout"), DependencyFailure.Timeout },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_call_means_the_directory_is_unavailable_and_says_why(Exception exception, DependencyFailure failure)
    {
        var passengers = new StubPassengers(_ => throw exception);

        Assert.Equal(PassengerCheck.Unavailable(failure), await StubPassengers.Directory(passengers).CheckAsync(PassengerId, CancellationToken.None));
    }

    [Fact]
    public async Task A_request_the_caller_abandoned_is_not_reported_as_unavailability()
    {
        using var abandoned = new CancellationTokenSource();
        await abandoned.CancelAsync();
        var passengers = new StubPassengers(_ => throw new TaskCanceledException());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StubPassengers.Directory(passengers).CheckAsync(PassengerId, abandoned.Token));
    }
}
