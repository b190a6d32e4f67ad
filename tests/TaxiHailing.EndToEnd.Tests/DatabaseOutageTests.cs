using System.Net;

namespace TaxiHailing.EndToEnd.Tests;

[Collection(TaxiHailingCollection.Name)]
public sealed class DatabaseOutageTests(TaxiHailingApplication taxiHailing)
{
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task While_the_database_is_down_trips_answers_503_not_500_and_nothing_accepted_before_is_lost()
    {
        var tripId = await _app.RequestTripAsync();
        using var trips = _app.CreateHttpClient("trips");

        await _app.StopResourceAsync("postgres");
        try
        {
            using var unavailable = await trips.GetAsync($"/v1/trips/{tripId}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
            Assert.Equal("application/problem+json", unavailable.Content.Headers.ContentType!.MediaType);
            Assert.NotNull(unavailable.Headers.RetryAfter);
        }
        finally
        {
            await _app.StartResourceAsync("postgres");
            await _app.WaitForResourceHealthyAsync("postgres", TimeSpan.FromSeconds(60));
        }

        await TaxiApi.EventuallyAsync(async () => (await trips.GetAsync($"/v1/trips/{tripId}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), $"trip {tripId} can be read again");
        Assert.Equal(tripId, (await _app.GetTripAsync(tripId))["id"]!.GetValue<string>());
    }
}
