namespace TaxiHailing.Notifications.Tests;

public class NotificationListTests
{
    private static readonly Guid PassengerId = Guid.Parse("0190b7a5-0000-7000-8000-000000000001");
    private static readonly Recipient Passenger = Recipient.Passenger(PassengerId);

    [Fact]
    public void The_next_page_starts_after_the_last_notification_of_this_one()
    {
        var list = NotificationListRepresentation.Of(Passenger, ResumePoint.After(10), startAfter: 10, limit: 2, [Stored(11), Stored(14)]);

        Assert.Equal([11, 14], list.Notifications.Select(n => n.Id));
        Assert.Equal($"/v1/passengers/{PassengerId}/notifications/list?after=14&limit=2", list.Links.Next.Href);
        Assert.Equal($"/v1/passengers/{PassengerId}/notifications/list?after=10&limit=2", list.Links.Self.Href);
        Assert.Equal($"/v1/passengers/{PassengerId}/notifications", list.Links.Stream.Href);
    }

    [Fact]
    public void An_empty_page_asks_again_from_where_it_started()
    {
        var list = NotificationListRepresentation.Of(Passenger, ResumePoint.Recent, startAfter: 57, limit: 100, []);

        Assert.Empty(list.Notifications);
        Assert.Equal($"/v1/passengers/{PassengerId}/notifications/list?after=57&limit=100", list.Links.Next.Href);
        Assert.Equal($"/v1/passengers/{PassengerId}/notifications/list?limit=100", list.Links.Self.Href);
    }

    [Fact]
    public void A_driver_list_links_to_the_driver_stream()
    {
        var driverId = Guid.NewGuid();

        var list = NotificationListRepresentation.Of(Recipient.Driver(driverId), ResumePoint.Recent, 0, 100, []);

        Assert.Equal($"/v1/drivers/{driverId}/notifications", list.Links.Stream.Href);
        Assert.StartsWith($"/v1/drivers/{driverId}/notifications/list?", list.Links.Next.Href);
    }

    private static StoredNotification Stored(long id) => new(
        id, Guid.Empty, NotificationKinds.TripCancelled,
        NotificationJson.Serialize(new TripCancelledNotice(Guid.Empty, Trips.T0)), Trips.T0);
}
