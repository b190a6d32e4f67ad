using System.Net;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>A passenger holds one open trip at a time, and a caller who keeps asking is slowed down.</summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class TripLimitTests(TaxiHailingApplication taxiHailing)
{
    private const int PermitsPerMinute = 20; // RateLimits:PermitLimit's default
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task A_second_trip_while_the_first_is_open_is_a_409_naming_it_and_after_cancelling_it_is_accepted()
    {
        var (first, passenger) = await _app.RequestTripWithPassengerAsync();
        var firstId = first["id"]!.GetValue<string>();
        using var trips = _app.CreateHttpClient("trips", passenger);

        using (var second = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(passenger.Id)))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
            Assert.Contains($"/v1/trips/{firstId}", (await second.ReadJsonAsync())["detail"]!.GetValue<string>());
        }

        await _app.CancelTripAsync(passenger, firstId);
        using var afterwards = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(passenger.Id));
        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
    }

    [Fact]
    public async Task Concurrent_requests_of_one_passenger_create_one_trip()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var response = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(passenger.Id));
            return response.StatusCode;
        }));

        Assert.Single(answers, status => status == HttpStatusCode.Created);
        Assert.All(answers.Where(status => status != HttpStatusCode.Created), status => Assert.Equal(HttpStatusCode.Conflict, status));
    }

    [Fact]
    public async Task A_caller_over_the_limit_gets_429_problem_with_Retry_After_and_other_callers_are_not_held_back()
    {
        var eager = await _app.RegisterPassengerAsync("Eager Rider");
        using var trips = _app.CreateHttpClient("trips", eager);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i <= PermitsPerMinute && limited is null; i++)
        {
            var response = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(eager.Id));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else response.Dispose();
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.Equal(PermitsPerMinute + 1, statuses.Count);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
            var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
            Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        }

        // Within its permits the caller got one trip and conflicts, never a 429 too early.
        Assert.Equal(HttpStatusCode.Created, statuses[0]);
        Assert.All(statuses.Skip(1).SkipLast(1), status => Assert.Equal(HttpStatusCode.Conflict, status));
        var patient = await _app.RegisterPassengerAsync("Patient Rider");
        using var patientTrips = _app.CreateHttpClient("trips", patient);
        Assert.Equal(HttpStatusCode.Created, (await patientTrips.PostAsync("/v1/trips", TaxiApi.TripRequest(patient.Id))).StatusCode);
    }
}
