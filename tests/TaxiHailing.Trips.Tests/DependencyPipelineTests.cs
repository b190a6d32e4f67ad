using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace TaxiHailing.Trips.Tests;

/// <summary>The pipeline AddHttpDependency puts around a dependency's calls, over a stub instead of the network.</summary>
public class DependencyPipelineTests
{
    [Fact]
    public async Task Calls_beyond_the_bound_on_outstanding_calls_are_refused_without_waiting()
    {
        var release = new TaskCompletionSource();
        var stub = new StubDependency(async _ =>
        {
            await release.Task;
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var host = HostOver(stub, ("MaxConcurrentRequests", "2"), ("TotalTimeout", "00:00:05"), ("AttemptTimeout", "00:00:05"));
        var http = host.Services.GetRequiredService<Caller>().Http;

        var outstanding = new[] { http.GetAsync("/a"), http.GetAsync("/b") };
        await Assert.ThrowsAsync<RateLimiterRejectedException>(() => http.GetAsync("/c"));
        release.SetResult();
        foreach (var response in await Task.WhenAll(outstanding)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task The_circuit_opens_after_the_configured_failures_is_counted_and_refuses_calls_without_making_them()
    {
        var stub = new StubDependency(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)));
        using var host = HostOver(stub, ("MaxRetries", "0"), ("BreakerMinimumThroughput", "3"), ("BreakDuration", "00:00:30"));
        var http = host.Services.GetRequiredService<Caller>().Http;
        var opened = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "taxihailing.dependency.circuit.transitions") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (tags.ToArray().Any(tag => tag.Key == "state" && (string?)tag.Value == "open")) Interlocked.Add(ref opened, value);
        });
        listener.Start();

        for (var i = 0; i < 3; i++) (await http.GetAsync("/v1/passengers/1")).Dispose();
        await Assert.ThrowsAsync<BrokenCircuitException>(() => http.GetAsync("/v1/passengers/1"));

        Assert.Equal(3, stub.Calls);
        Assert.Equal("open", host.Services.GetRequiredService<DependencyRegistry>().Get("passengers").CircuitState);
        Assert.True(Interlocked.Read(ref opened) >= 1);
    }

    [Fact]
    public async Task Injected_errors_replace_the_call_and_stop_when_reset()
    {
        var stub = new StubDependency(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        using var host = HostOver(stub, ("MaxRetries", "0"));
        var http = host.Services.GetRequiredService<Caller>().Http;
        var passengers = host.Services.GetRequiredService<DependencyRegistry>().Get("passengers");

        passengers.InjectFaults(new FaultSettings { ErrorRate = 1 });
        using (var injected = await http.GetAsync("/v1/passengers/1")) Assert.Equal(HttpStatusCode.ServiceUnavailable, injected.StatusCode);
        Assert.Equal(0, stub.Calls);

        passengers.ResetFaults();
        using (var real = await http.GetAsync("/v1/passengers/1")) Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task A_switch_of_the_pipeline_applies_from_the_next_call_without_a_restart()
    {
        var stub = new StubDependency(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        using var host = HostOver(stub, ("MaxRetries", "0"));
        var http = host.Services.GetRequiredService<Caller>().Http;
        var passengers = host.Services.GetRequiredService<DependencyRegistry>().Get("passengers");
        // Faults are part of the tuned pipeline only: whether they strike tells which pipeline a call went through.
        passengers.InjectFaults(new FaultSettings { ErrorRate = 1 });
        Assert.Equal(DependencyPipeline.Tuned, passengers.Pipeline);

        passengers.SwitchPipeline(DependencyPipeline.LibraryDefaults);
        using (var real = await http.GetAsync("/v1/passengers/1")) Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(1, stub.Calls);
        Assert.Equal("not-tracked", passengers.CircuitState);

        passengers.SwitchPipeline(DependencyPipeline.Tuned);
        using (var injected = await http.GetAsync("/v1/passengers/1")) Assert.Equal(HttpStatusCode.ServiceUnavailable, injected.StatusCode);
        Assert.Equal(1, stub.Calls);
        Assert.Equal("closed", passengers.CircuitState);
    }

    [Fact]
    public async Task The_configured_pipeline_is_the_one_calls_start_with()
    {
        var stub = new StubDependency(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        using var host = HostOver(stub, ("Pipeline", "LibraryDefaults"), ("Faults:ErrorRate", "1"));
        var http = host.Services.GetRequiredService<Caller>().Http;

        Assert.Equal(DependencyPipeline.LibraryDefaults, host.Services.GetRequiredService<DependencyRegistry>().Get("passengers").Pipeline);
        using (var real = await http.GetAsync("/v1/passengers/1")) Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task Settings_that_make_no_sense_stop_the_service_at_start_naming_each_key()
    {
        var stub = new StubDependency(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        using var host = HostOver(stub, ("AttemptTimeout", "00:00:03"), ("TotalTimeout", "00:00:01"), ("BreakerFailureRatio", "1.5"), ("Faults:HangRate", "-1"));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Dependencies:passengers:TotalTimeout must be at least AttemptTimeout", failure.Message);
        Assert.Contains("Dependencies:passengers:BreakerFailureRatio", failure.Message);
        Assert.Contains("Dependencies:passengers:Faults:HangRate", failure.Message);
    }

    private static IHost HostOver(StubDependency stub, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder().WithTestSigningKey();
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create($"Dependencies:passengers:{setting.Key}", (string?)setting.Value)));
        builder.AddHttpDependency<Caller>("passengers").ConfigurePrimaryHttpMessageHandler(() => stub);
        return builder.Build();
    }

    private sealed class Caller(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }

    private sealed class StubDependency(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return answer(request);
        }
    }
}
