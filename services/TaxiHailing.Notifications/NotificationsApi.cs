using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace TaxiHailing.Notifications;

/// <summary>
/// Trip progress pushed to phones: a server-sent event stream per passenger and per driver, and the same
/// notifications as a JSON list for clients that poll.
/// </summary>
public static class NotificationsApi
{
    public const string LastEventIdHeader = "Last-Event-ID";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapNotificationsApiV1(this IEndpointRouteBuilder app)
    {
        var passengers = app.MapGroup("/v1/passengers/{passengerId:guid}/notifications").WithTags("Passenger notifications")
            .RequireRoles(CallerRoles.Passenger)
            .OnlyForAccount("passengerId", "passenger");
        passengers.MapGet("", StreamPassengerNotifications)
            .WithName("StreamPassengerNotifications")
            .WithSummary("The passenger's trip progress as server-sent events: what they missed (after Last-Event-ID, or from the last 10 minutes), then each new notification.")
            .ProducesValidationProblem();
        passengers.MapGet("/list", ListPassengerNotifications)
            .WithName("ListPassengerNotifications")
            .WithSummary("The passenger's notifications after ?after= (or from the last 10 minutes), oldest first, with a link to the next page.")
            .ProducesValidationProblem();

        var drivers = app.MapGroup("/v1/drivers/{driverId:guid}/notifications").WithTags("Driver notifications")
            .RequireRoles(CallerRoles.Driver)
            .OnlyForAccount("driverId", "driver");
        drivers.MapGet("", StreamDriverNotifications)
            .WithName("StreamDriverNotifications")
            .WithSummary("The driver's new trips and cancellations as server-sent events: what they missed (after Last-Event-ID, or from the last 10 minutes), then each new notification.")
            .ProducesValidationProblem();
        drivers.MapGet("/list", ListDriverNotifications)
            .WithName("ListDriverNotifications")
            .WithSummary("The driver's notifications after ?after= (or from the last 10 minutes), oldest first, with a link to the next page.")
            .ProducesValidationProblem();

        return app;
    }

    public static Results<NotificationStream, ProblemHttpResult> StreamPassengerNotifications(
        Guid passengerId, [FromHeader(Name = LastEventIdHeader)] string? lastEventId) =>
        Stream(Recipient.Passenger(passengerId), lastEventId);

    public static Results<NotificationStream, ProblemHttpResult> StreamDriverNotifications(
        Guid driverId, [FromHeader(Name = LastEventIdHeader)] string? lastEventId) =>
        Stream(Recipient.Driver(driverId), lastEventId);

    public static Task<Results<Ok<NotificationListRepresentation>, ProblemHttpResult>> ListPassengerNotifications(
        Guid passengerId, string? after, string? limit, NotificationStore store, CancellationToken cancellationToken) =>
        ListAsync(Recipient.Passenger(passengerId), after, limit, store, cancellationToken);

    public static Task<Results<Ok<NotificationListRepresentation>, ProblemHttpResult>> ListDriverNotifications(
        Guid driverId, string? after, string? limit, NotificationStore store, CancellationToken cancellationToken) =>
        ListAsync(Recipient.Driver(driverId), after, limit, store, cancellationToken);

    private static Results<NotificationStream, ProblemHttpResult> Stream(Recipient recipient, string? lastEventId) =>
        ResumePoint.TryParse(lastEventId, out var resumePoint)
            ? new NotificationStream(recipient, resumePoint)
            : Invalid(LastEventIdHeader, $"The {LastEventIdHeader} header must be the id of a notification: a non-negative integer.");

    private static async Task<Results<Ok<NotificationListRepresentation>, ProblemHttpResult>> ListAsync(
        Recipient recipient, string? after, string? limit, NotificationStore store, CancellationToken cancellationToken)
    {
        if (!ResumePoint.TryParse(after, out var resumePoint))
        {
            return Invalid("after", "after must be the id of a notification: a non-negative integer.");
        }

        var pageSize = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) &&
            (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            return Invalid("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        var startAfter = await store.StartAfterAsync(recipient, resumePoint, cancellationToken);
        var page = await store.ReadAfterAsync(recipient, startAfter, pageSize, cancellationToken);
        return TypedResults.Ok(NotificationListRepresentation.Of(recipient, resumePoint, startAfter, pageSize, page));
    }

    private static ProblemHttpResult Invalid(string field, string error) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [error] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
        });
}
