using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TaxiHailing.Notifications;

/// <summary>
/// A recipient's notifications as a text/event-stream: first what they missed, then each new one as it is
/// committed, in id order, none twice. It sleeps until the listener wakes it (or the slow poll comes round), sends
/// a keep-alive comment when it has been silent for a while, and ends when the client goes, the app stops, or nothing
/// has been sent for the idle timeout.
/// </summary>
public sealed class NotificationStream(Recipient recipient, ResumePoint resumePoint) : IResult, IEndpointMetadataProvider
{
    public const int PageSize = 100;

    public Recipient Recipient { get; } = recipient;

    public ResumePoint ResumePoint { get; } = resumePoint;

    public async Task ExecuteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var store = services.GetRequiredService<NotificationStore>();
        var options = services.GetRequiredService<IOptions<NotificationsOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILogger<NotificationStream>>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            context.RequestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var cancellationToken = stop.Token;

        // Subscribed before the first read: a notification committed after the read wakes the stream.
        using var signal = services.GetRequiredService<DatabaseSignals>().Subscribe(Recipient.ToString());
        // Read before the response starts, so that a database outage can still be answered with a 503 problem.
        var cursor = new StreamCursor(await store.StartAfterAsync(Recipient, ResumePoint, cancellationToken));

        var response = context.Response;
        response.ContentType = ServerSentEventFormat.ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx and friends: pass each event on at once
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        logger.StreamOpened(Recipient, cursor.LastSentId);
        try
        {
            await response.StartAsync(cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            var lastWrite = clock.GetTimestamp();
            var lastNotification = lastWrite;
            while (clock.GetElapsedTime(lastNotification) < options.IdleTimeout)
            {
                var wait = options.PollInterval;
                try
                {
                    if (await SendNewAsync(response, store, cursor, cancellationToken)) lastWrite = lastNotification = clock.GetTimestamp();
                }
                catch (NpgsqlException exception) when (exception.IsTransient && !cancellationToken.IsCancellationRequested)
                {
                    // The client keeps its stream (an EventSource that got a 503 on reconnecting would give up for good);
                    // the keep-alives go on and the stream catches up when the database is back.
                    logger.StreamStalled(exception, Recipient, options.PollInterval);
                }

                var untilKeepAlive = options.KeepAliveInterval - clock.GetElapsedTime(lastWrite);
                if (untilKeepAlive <= TimeSpan.Zero)
                {
                    await WriteAsync(response, ServerSentEventFormat.KeepAlive, cancellationToken);
                    lastWrite = clock.GetTimestamp();
                    continue;
                }

                var untilIdle = options.IdleTimeout - clock.GetElapsedTime(lastNotification);
                await signal.WaitAsync(Shortest(untilKeepAlive, wait, untilIdle), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away, or the app is stopping: the stream ends; an EventSource reconnects with Last-Event-ID.
        }

        logger.StreamClosed(Recipient, cursor.LastSentId);
    }

    /// <summary>Sends everything after the cursor, a page at a time; true when anything was sent.</summary>
    private async Task<bool> SendNewAsync(HttpResponse response, NotificationStore store, StreamCursor cursor, CancellationToken cancellationToken)
    {
        var sentAny = false;
        while (true)
        {
            var page = await store.ReadAfterAsync(Recipient, cursor.LastSentId, PageSize, cancellationToken);
            var events = new StringBuilder();
            foreach (var notification in page.Where(notification => cursor.TryAdvance(notification.Id)))
            {
                events.Append(ServerSentEventFormat.Event(notification.Id, notification.Kind, notification.PayloadJson));
            }

            if (events.Length > 0)
            {
                await WriteAsync(response, events.ToString(), cancellationToken);
                sentAny = true;
            }

            if (page.Count < PageSize) return sentAny;
        }
    }

    private static TimeSpan Shortest(params ReadOnlySpan<TimeSpan> waits)
    {
        var shortest = TimeSpan.MaxValue;
        foreach (var wait in waits) shortest = wait < shortest ? wait : shortest;
        return shortest < TimeSpan.Zero ? TimeSpan.Zero : shortest;
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status200OK, typeof(NotificationPayload), [ServerSentEventFormat.ContentType]));
}
