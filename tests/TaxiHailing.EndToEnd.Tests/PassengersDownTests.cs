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
            await _app.CancelTripAsync(regular, (await verified.ReadJsonAsync())["id"]!.GetValue<string>());
        }

        var newcomer = await _app.RegisterPassengerAsync("New Rider");

        await _app.StopResourceAsync("passengers");
        try
        {
            using var cached = await _app.RequestTripAsync(regular);
            Assert.Equal(HttpStatusCode.Created, cached.StatusCode);
            var trip = await cached.ReadJsonAsync();
            Assert.Equal("cached", trip["passengerVerification"]!.GetValue<string>());

            // The read degrades: the trip without its passenger's details, marked so, at once (nothing listens).
            var clock = Stopwatch.StartNew();
            var read = await _app.GetTripAsync(trip["id"]!.GetValue<string>());
            Assert.True(clock.Elapsed < PartialFailureApplication.AttemptTimeout, $"the read took {clock.Elapsed}");
            Assert.Equal("cached", read["passengerVerification"]!.GetValue<string>());
            Assert.Equal("unavailable", read["passengerDetails"]!.GetValue<string>());
            Assert.False(read.ContainsKey("passenger"));

            clock.Restart();
            using var refused = await _app.RequestTripAsync(newcomer);
            var refusalTook = clock.Elapsed;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains(await refused.ReasonAsync(), (string[])["unreachable", "circuit-open"]);
            // Connection refused is known at once: no timeout is waited for.
            Assert.True(refusalTook < PartialFailureApplication.AttemptTimeout, $"the refusal took {refusalTook}");
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
        using (var verified = await _app.RequestTripAsync(regular))
        {
            await _app.CancelTripAsync(regular, (await verified.ReadJsonAsync())["id"]!.GetValue<string>());
        }

        var (existing, existingPassenger) = await _app.RequestTripWithPassengerAsync();
        var existingTrip = existing["id"]!.GetValue<string>();
        var newcomers = new List<Account>();
        for (var i = 0; i < PartialFailureApplication.MaxConcurrentRequests + 2; i++) newcomers.Add(await _app.RegisterPassengerAsync($"New Rider {i}"));
        using var trips = _app.CreateHttpClient("trips", existingPassenger);

        await _app.FreezeResourceAsync("passengers");
        try
        {
            var requests = newcomers.Select(TimedTripRequestAsync).ToList();

            // Meanwhile what needs no passenger does not wait behind the hung calls, and a read degrades in time.
            var clock = Stopwatch.StartNew();
            using (var health = await trips.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using (var events = await trips.GetAsync($"/v1/trips/{existingTrip}/events", HttpCompletionOption.ResponseHeadersRead))
            {
                Assert.Equal(HttpStatusCode.OK, events.StatusCode);
            }

            Assert.True(clock.Elapsed < PartialFailureApplication.AttemptTimeout, $"health and the event stream took {clock.Elapsed} while calls hung");
            Assert.False(requests.All(request => request.IsCompleted), "the hung trip requests were still waiting");
            clock.Restart();
            var read = await _app.GetTripAsync(existingTrip);
            Assert.True(clock.Elapsed < PartialFailureApplication.TotalTimeout + Margin, $"the read took {clock.Elapsed}");
            Assert.Equal("unavailable", read["passengerDetails"]!.GetValue<string>());
            Assert.Equal(existingTrip, read["id"]!.GetValue<string>());

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

    private async Task<(HttpStatusCode Status, TimeSpan Elapsed, string? Reason)> TimedTripRequestAsync(Account passenger)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _app.RequestTripAsync(passenger);
        var elapsed = clock.Elapsed;
        var reason = response.StatusCode == HttpStatusCode.ServiceUnavailable ? await response.ReasonAsync() : null;
        return (response.StatusCode, elapsed, reason);
    }
}
