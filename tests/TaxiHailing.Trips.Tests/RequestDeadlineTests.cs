using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Trips.Tests;

/// <summary>The service defaults' deadline on every request, on a real Kestrel server with a short deadline.</summary>
public sealed class RequestDeadlineTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["RequestTimeouts:Default"] = "00:00:00.500";
        builder.WithTestSigningKey().AddServiceDefaults();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGet("/stuck", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Results.Ok();
        }).AllowAnonymous();
        _app.MapGet("/stuck-then-failing", async (CancellationToken cancellationToken) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            // As a resilience pipeline whose own timeout fires with the deadline does: not a cancellation.
            throw new TimeoutException("the call to a dependency timed out");
        }).AllowAnonymous();
        _app.MapGet("/stream", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), context.RequestAborted);
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: still here\n\n", context.RequestAborted);
            return Results.Empty;
        }).Produces(StatusCodes.Status200OK, contentType: "text/event-stream").AllowAnonymous();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    [Fact]
    public async Task A_request_that_runs_past_its_deadline_is_stopped_and_answered_503_with_retry_after()
    {
        var clock = Stopwatch.StartNew();
        using var response = await _http.GetAsync("/stuck");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"it took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_request_that_fails_in_another_way_once_its_deadline_has_passed_is_a_503_not_a_500()
    {
        using var response = await _http.GetAsync("/stuck-then-failing");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task An_event_stream_is_not_cut_by_the_deadline()
    {
        using var response = await _http.GetAsync("/stream");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("still here", await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
