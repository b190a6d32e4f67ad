using System.Net;

namespace TaxiHailing.EndToEnd.Tests;

[Collection(TaxiHailingCollection.Name)]
public sealed class ResourceRestartTests(TaxiHailingApplication taxiHailing)
{
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task Trips_answers_503_while_passengers_is_stopped_and_recovers_when_it_is_restarted()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);

        await _app.StopResourceAsync("passengers");
        try
        {
            Assert.Equal(ResourceState.Stopped, _app.GetResourceState("passengers"));
            using var unavailable = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(passenger.Id));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
            Assert.Equal("application/problem+json", unavailable.Content.Headers.ContentType!.MediaType);
            Assert.NotNull(unavailable.Headers.RetryAfter);
        }
        finally
        {
            await _app.StartResourceAsync("passengers");
            await _app.WaitForResourceHealthyAsync("passengers", TimeSpan.FromSeconds(60));
        }

        using var accepted = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(passenger.Id));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }
}
