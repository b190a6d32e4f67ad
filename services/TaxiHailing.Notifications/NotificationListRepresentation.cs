using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Notifications;

/// <summary>
/// A page of a recipient's notifications, for clients that poll rather than stream. <c>_links.next</c> is where
/// to ask next: it continues after the last notification of this page (or where this page started, when empty).
/// </summary>
public sealed record NotificationListRepresentation(
    IReadOnlyList<NotificationRepresentation> Notifications,
    [property: JsonPropertyName("_links")] NotificationListLinks Links)
{
    public static NotificationListRepresentation Of(Recipient recipient, ResumePoint requested, long startAfter, int limit, IReadOnlyList<StoredNotification> page)
    {
        var next = page.Count > 0 ? page[^1].Id : startAfter;
        return new(
            [.. page.Select(NotificationRepresentation.Of)],
            new NotificationListLinks(
                Self: new Link(NotificationHrefs.List(recipient, requested.AfterId, limit)),
                Next: new Link(NotificationHrefs.List(recipient, next, limit)),
                Stream: new Link(NotificationHrefs.Stream(recipient))));
    }
}

/// <summary>One notification: the same id, kind and data as its server-sent event, and when it was stored.</summary>
public sealed record NotificationRepresentation(long Id, string Kind, Guid TripId, DateTimeOffset CreatedAt, JsonElement Data)
{
    public static NotificationRepresentation Of(StoredNotification notification)
    {
        using var payload = JsonDocument.Parse(notification.PayloadJson);
        return new(notification.Id, notification.Kind, notification.TripId, notification.CreatedAt, payload.RootElement.Clone());
    }
}

public sealed record NotificationListLinks(Link Self, Link Next, Link Stream);

public sealed record Link(string Href);

public static class NotificationHrefs
{
    public static string Stream(Recipient recipient) => recipient.Kind switch
    {
        RecipientKind.Passenger => $"/v1/passengers/{recipient.Id}/notifications",
        RecipientKind.Driver => $"/v1/drivers/{recipient.Id}/notifications",
        _ => throw new ArgumentOutOfRangeException(nameof(recipient), recipient.Kind, null),
    };

    public static string List(Recipient recipient, long? after, int limit) => after is { } id
        ? string.Create(CultureInfo.InvariantCulture, $"{Stream(recipient)}/list?after={id}&limit={limit}")
        : string.Create(CultureInfo.InvariantCulture, $"{Stream(recipient)}/list?limit={limit}");
}
