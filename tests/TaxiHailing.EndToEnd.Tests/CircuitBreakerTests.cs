using System.Diagnostics;
using System.Net;

namespace TaxiHailing.EndToEnd.Tests;

[Collection(PartialFailureCollection.Name)]
public sealed class CircuitBreakerTests(PartialFailureApplication partialFailure)
{
    private readonly DistributedApplication _app = partialFailure.App;

    [Fact]
    public async Task After_enough_failures_the_circuit_opens_and_trips_stops_calling_passengers_until_a_probe_finds_it_healthy()
    {
        await _app.WaitUntilTripsVerifiesLiveAsync();
        var failing = new List<Account>();
        for (var i = 0; i < PartialFailureApplication.MaxConcurrentRequests; i++) failing.Add(await _app.RegisterPassengerAsync($"Unlucky Rider {i}"));

        // Four requests, two attempts each, all timing out: more than the five failed attempts that open the circuit,
        // and more than the successes the sampling window may still hold.
        await _app.FreezeResourceAsync("passengers");
        try
        {
            foreach (var response in await Task.WhenAll(failing.Select(passenger => _app.RequestTripAsync(passenger))))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                response.Dispose();
            }
        }
        finally
        {
            await _app.ResumeResourceAsync("passengers");
        }

        Assert.Equal("open", await _app.CircuitToPassengersAsync());
        await TaxiApi.EventuallyAsync(() => Task.FromResult(_app.GetResourceLogs("trips").Any(line => line.Contains("Circuit to passengers opened"))),
            TimeSpan.FromSeconds(10), "Trips logged that its circuit to passengers opened");

        // Passengers is healthy again, but while the circuit is open Trips does not even ask it.
        var rider = await _app.RegisterPassengerAsync("Patient Rider");
        var clock = Stopwatch.StartNew();
        using (var refused = await _app.RequestTripAsync(rider))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("circuit-open", await refused.ReasonAsync());
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"a refusal by the open circuit took {clock.Elapsed}");
        Assert.Equal(0, _app.LookupsOf(rider.Id));

        // After the break one probe goes through, finds Passengers healthy and closes the circuit.
        HttpStatusCode status = 0;
        await TaxiApi.EventuallyAsync(async () =>
        {
            using var response = await _app.RequestTripAsync(rider);
            status = response.StatusCode;
            return status == HttpStatusCode.Created;
        }, PartialFailureApplication.BreakDuration + TimeSpan.FromSeconds(10), $"the circuit lets {rider.Id} through again (last status {status})");

        Assert.Equal("closed", await _app.CircuitToPassengersAsync());
        await TaxiApi.EventuallyAsync(() => Task.FromResult(_app.LookupsOf(rider.Id) > 0), TimeSpan.FromSeconds(10), $"passengers logs the lookup of {rider.Id}");
        Assert.Equal(1, _app.LookupsOf(rider.Id)); // the probe: none of the requests refused while the circuit was open reached it
        // The log lines reach the resource's log a moment after the circuit changes.
        await TaxiApi.EventuallyAsync(() => Task.FromResult(_app.GetResourceLogs("trips") is var trips
                && trips.Any(line => line.Contains("Circuit to passengers half-open")) && trips.Any(line => line.Contains("Circuit to passengers closed"))),
            TimeSpan.FromSeconds(10), "trips logs the circuit to passengers half-open, then closed");
    }
}
