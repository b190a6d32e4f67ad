using System.Net;

namespace TaxiHailing.EndToEnd.Tests;

[Collection(TaxiHailingCollection.Name)]
public sealed class DatabaseOutageTests(TaxiHailingApplication taxiHailing)
{
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task While_the_database_is_down_trips_answers_503_not_500_and_nothing_accepted_before_is_lost()
    {
        var (trip, passenger) = await _app.RequestTripWithPassengerAsync();
        var tripId = trip["id"]!.GetValue<string>();
        using var trips = _app.CreateHttpClient("trips", passenger);

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

        // A service whose pooled connections died with the server may fail a request before it notices; it must
        // then recover by itself, as every service here must before the next test.
        await TaxiApi.EventuallyAsync(async () =>
        {
            using var passengers = _app.CreateHttpClient("passengers", await _app.SignInAsync("passenger"));
            using var registered = await passengers.PostAsync("/v1/passengers", TaxiApi.Json("""{ "name": "After Outage", "phone": "+44 20 7946 0001" }"""));
            return registered.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(30), "passengers registers passengers again");
        foreach (var resource in (string[])["passengers", "trips", "dispatcher"])
        {
            using var client = _app.CreateHttpClient(resource);
            await TaxiApi.EventuallyAsync(async () => (await client.GetAsync("/health")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(30), $"{resource} is healthy again");
        }
    }
}
