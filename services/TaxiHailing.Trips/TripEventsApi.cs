using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TaxiHailing.Trips;

/// <summary>
/// A trip's progress pushed to the passenger's phone as server-sent events: what it missed first (everything, or
/// what follows Last-Event-ID on a reconnect), then each change as it commits, until the trip is over or nothing has
/// happened for TripEvents:IdleTimeout (the phone then reconnects and resumes).
/// </summary>
public static class TripEventsApi
{
    public static IEndpointRouteBuilder MapTripEventsApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/trips/{id:guid}/events", StreamTripEvents)
            .WithTags("Trips")
            .WithName("StreamTripEvents")
            .WithSummary("The trip's progress as server-sent events (text/event-stream); a reconnect with Last-Event-ID resumes after that event.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRoles(CallerRoles.Passenger, CallerRoles.Operator);
        return app;
    }

    public static async Task<IResult> StreamTripEvents(
        Guid id, HttpContext http, TripStore store, NpgsqlDataSource dataSource, DatabaseSignals signals, IOptions<TripEventsOptions> options,
        IHostApplicationLifetime lifetime)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        var after = 0L;
        if (lastEventId.Length > 0 && !long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Last-Event-ID",
                detail: $"Last-Event-ID must be the id of an event of this stream (a non-negative integer), not '{lastEventId}'.");
        }

        if (await store.FindAsync(id, http.RequestAborted) is not { } trip || !TripsApi.MaySee(http.User, trip))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Trip not found", detail: $"There is no trip with id {id}.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await StreamAsync(http.Response, dataSource, signals, options.Value, id, after, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The phone went away or the service is stopping; the phone resumes with Last-Event-ID.
        }

        return TypedResults.Empty;
    }

    private static async Task StreamAsync(
        HttpResponse response, NpgsqlDataSource dataSource, DatabaseSignals signals, TripEventsOptions options, Guid tripId, long after, CancellationToken cancellationToken)
    {
        // Subscribed before the first read, so that a change committed in between wakes the stream.
        using var changed = signals.Subscribe(tripId.ToString());
        await response.Body.FlushAsync(cancellationToken);
        var sinceLastWrite = System.Diagnostics.Stopwatch.StartNew();
        var sinceLastEvent = System.Diagnostics.Stopwatch.StartNew();
        while (sinceLastEvent.Elapsed < options.IdleTimeout)
        {
            foreach (var progress in await TripProgress.AfterAsync(dataSource, tripId, after, cancellationToken))
            {
                await WriteAsync(response, $"id: {progress.Id}\nevent: {progress.Kind}\ndata: {progress.Trip}\n\n", cancellationToken);
                after = progress.Id;
                sinceLastWrite.Restart();
                sinceLastEvent.Restart();
                if (TripProgress.IsFinal(progress.Kind)) return;
            }

            if (sinceLastWrite.Elapsed >= options.KeepAliveInterval)
            {
                await WriteAsync(response, ": keep-alive\n\n", cancellationToken);
                sinceLastWrite.Restart();
            }

            await changed.WaitAsync(options.RecheckInterval, cancellationToken);
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
