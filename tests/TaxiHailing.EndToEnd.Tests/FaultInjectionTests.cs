using System.Diagnostics;
using System.Net;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>Faults injected into Trips' calls to Passengers at run time, through its Development admin endpoint.</summary>
[Collection(PartialFailureCollection.Name)]
public sealed class FaultInjectionTests(PartialFailureApplication partialFailure)
{
    private static readonly TimeSpan InjectedLatency = TimeSpan.FromMilliseconds(1200);
    private readonly DistributedApplication _app = partialFailure.App;

    [Fact]
    public async Task Latency_below_the_attempt_timeout_is_absorbed_and_calls_beyond_the_bound_are_refused_at_once()
    {
        await _app.WaitUntilTripsVerifiesLiveAsync();
        const int excess = 3;
        var riders = new List<Account>();
        for (var i = 0; i < PartialFailureApplication.MaxConcurrentRequests + excess; i++) riders.Add(await _app.RegisterPassengerAsync($"Rider {i}"));

        await _app.InjectFaultsAsync($$"""{ "latencyMs": {{InjectedLatency.TotalMilliseconds}}, "latencyRate": 1 }""");
        try
        {
            var answers = await Task.WhenAll(riders.Select(async rider =>
            {
                var clock = Stopwatch.StartNew();
                using var response = await _app.RequestTripAsync(rider);
                var elapsed = clock.Elapsed;
                var body = await response.ReadJsonAsync();
                return (response.StatusCode, Elapsed: elapsed, Verification: body["passengerVerification"]?.GetValue<string>(), Reason: body["reason"]?.GetValue<string>());
            }));

            var accepted = answers.Where(answer => answer.StatusCode == HttpStatusCode.Created).ToList();
            var refused = answers.Where(answer => answer.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
            Assert.Equal(PartialFailureApplication.MaxConcurrentRequests, accepted.Count);
            Assert.All(accepted, answer => Assert.Equal("live", answer.Verification));
            Assert.All(accepted, answer => Assert.True(answer.Elapsed >= InjectedLatency, $"an accepted request took only {answer.Elapsed}"));
            Assert.Equal(excess, refused.Count);
            Assert.All(refused, answer => Assert.Equal("concurrency-limit", answer.Reason));
            Assert.All(refused, answer => Assert.True(answer.Elapsed < InjectedLatency, $"a refused request took {answer.Elapsed}: it waited"));
        }
        finally
        {
            await _app.ResetFaultsAsync();
        }
    }

    [Fact]
    public async Task Injected_errors_are_retried_on_the_safe_lookup_then_answered_with_a_503_problem()
    {
        await _app.WaitUntilTripsVerifiesLiveAsync();
        var rider = await _app.RegisterPassengerAsync("Unlucky Rider");
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

        await _app.InjectFaultsAsync("""{ "errorRate": 1 }""");
        try
        {
            using var response = await _app.RequestTripAsync(rider, traceId);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains(await response.ReasonAsync(), (string[])["error-answer", "circuit-open"]);
        }
        finally
        {
            await _app.ResetFaultsAsync();
        }

        // The lookup is a GET, so each failed attempt but the last is retried; passengers itself was never asked.
        await TaxiApi.EventuallyAsync(() => Task.FromResult(RetriesIn(traceId) >= PartialFailureApplication.MaxRetries),
            TimeSpan.FromSeconds(10), $"trips logs the retries of trace {traceId}");
        Assert.Equal(PartialFailureApplication.MaxRetries, RetriesIn(traceId));
        Assert.Equal(0, _app.LookupsOf(rider.Id));
    }

    [Fact]
    public async Task Fault_settings_that_make_no_sense_get_a_400_naming_each_field()
    {
        using var trips = await _app.CreateOperatorClientAsync("trips");

        using var invalid = await trips.PutAsync("/admin/dependencies/passengers/faults", TaxiApi.Json("""{ "errorRate": 2, "latencyRate": 0.5 }"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("errorRate"), errors.ToJsonString());
        Assert.True(errors.ContainsKey("latencyMs"), errors.ToJsonString());

        using var unknown = await trips.PutAsync("/admin/dependencies/drivers/faults", TaxiApi.Json("""{ "errorRate": 1 }"""));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    private int RetriesIn(string traceId) =>
        _app.GetResourceLogs("trips").Count(line => line.Contains($"TraceId:{traceId}") && line.Contains("Call to passengers retried"));
}
