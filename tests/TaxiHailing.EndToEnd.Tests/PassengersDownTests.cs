using System.Diagnostics;
using System.Net;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>Passengers dead (stopped) or hung (frozen): Trips still decides, within its total timeout, and stays responsive.</summary>
[Collection(PartialFailureCollection.Name)]
public sealed class PassengersDownTests(PartialFailureApplication partialFailure)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);
    private readonly DistributedApplication _app = partialFailure.App;

    [Fact]
    public async Task While_passengers_is_stopped_a_recently_verified_passenger_gets_a_trip_from_cache_and_an_unverified_one_a_fast_503()
    {
        await _app.WaitUntilTripsVerifiesLiveAsync();
        var regular = await _app.RegisterPassengerAsync("Regular Rider");
        using (var verified = await _app.RequestTripAsync(regular))
        {
            Assert.Equal(HttpStatusCode.Created, verified.StatusCode);
        }

        var newcomer = await _app.RegisterPassengerAsync("New Rider");

        await _app.StopResourceAsync("passengers");
        try
        {
            using var cached = await _app.RequestTripAsync(regular);
            Assert.Equal(HttpStatusCode.Created, cached.StatusCode);
            var trip = await cached.ReadJsonAsync();
            Assert.Equal("cached", trip["passengerVerification"]!.GetValue<string>());
            Assert.Equal("cached", (await _app.GetTripAsync(trip["id"]!.GetValue<string>()))["passengerVerification"]!.GetValue<string>());

            var clock = Stopwatch.StartNew();
            using var refused = await _app.RequestTripAsync(newcomer);
            clock.Stop();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains(await refused.ReasonAsync(), (string[])["unreachable", "circuit-open"]);
            // Connection refused is known at once: no timeout is waited for.
            Assert.True(clock.Elapsed < PartialFailureApplication.AttemptTimeout, $"the refusal took {clock.Elapsed}");
        }
        finally
        {
            await _app.StartResourceAsync("passengers");
            await _app.WaitForResourceHealthyAsync("passengers", TimeSpan.FromSeconds(60));
        }

        await _app.WaitUntilTripsVerifiesLiveAsync();
    }

    [Fact]
    public async Task While_passengers_is_frozen_trip_requests_answer_within_the_total_timeout_and_the_rest_of_trips_stays_responsive()
    {
        await _app.WaitUntilTripsVerifiesLiveAsync();
        var regular = await _app.RegisterPassengerAsync("Regular Rider");
        (await _app.RequestTripAsync(regular)).Dispose();
        var existingTrip = await _app.RequestTripAsync();
        var newcomers = new List<string>();
        for (var i = 0; i < PartialFailureApplication.MaxConcurrentRequests + 2; i++) newcomers.Add(await _app.RegisterPassengerAsync($"New Rider {i}"));
        using var trips = _app.CreateHttpClient("trips");

        await _app.FreezeResourceAsync("passengers");
        try
        {
            var requests = newcomers.Select(TimedTripRequestAsync).ToList();

            // Meanwhile reads, health and a cached passenger's request do not wait behind the hung calls.
            var clock = Stopwatch.StartNew();
            using (var read = await trips.GetAsync($"/v1/trips/{existingTrip}")) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            using (var health = await trips.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.True(clock.Elapsed < PartialFailureApplication.AttemptTimeout, $"reads and health took {clock.Elapsed} while calls hung");
            Assert.False(requests.All(request => request.IsCompleted), "the hung trip requests were still waiting");

            foreach (var (status, elapsed, reason) in await Task.WhenAll(requests))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                Assert.Contains(reason, (string[])["timeout", "concurrency-limit", "circuit-open"]);
                Assert.True(elapsed < PartialFailureApplication.TotalTimeout + Margin, $"a trip request took {elapsed}");
            }

            var (cachedStatus, cachedElapsed, _) = await TimedTripRequestAsync(regular);
            Assert.Equal(HttpStatusCode.Created, cachedStatus);
            Assert.True(cachedElapsed < PartialFailureApplication.TotalTimeout + Margin, $"the cached passenger's request took {cachedElapsed}");
        }
        finally
        {
            await _app.ResumeResourceAsync("passengers");
        }

        await _app.WaitUntilTripsVerifiesLiveAsync();
    }

    private async Task<(HttpStatusCode Status, TimeSpan Elapsed, string? Reason)> TimedTripRequestAsync(string passengerId)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _app.RequestTripAsync(passengerId);
        var elapsed = clock.Elapsed;
        var reason = response.StatusCode == HttpStatusCode.ServiceUnavailable ? await response.ReasonAsync() : null;
        return (response.StatusCode, elapsed, reason);
    }
}
