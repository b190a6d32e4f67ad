using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.Notifications.Tests;

public class PayloadShapeTests
{
    private readonly Trips _trip = new();

    [Fact]
    public void Every_payload_starts_with_the_trip_the_kind_and_when_in_camel_case()
    {
        var (_, notifications) = Trips.Play(_trip.Created(), _trip.Assigned(), _trip.Cancelled());

        Assert.Equal(5, notifications.Count);
        foreach (var notification in notifications)
        {
            var json = NotificationJson.Serialize(notification.Payload);
            var names = JsonNode.Parse(json)!.AsObject().Select(property => property.Key).ToList();
            Assert.Equal(["tripId", "kind", "at"], names.Take(3));
            var payload = JsonNode.Parse(json)!;
            Assert.Equal(_trip.TripId.ToString(), payload["tripId"]!.GetValue<string>());
            Assert.Equal(notification.Kind, payload["kind"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Trip_requested_carries_the_pickup_and_the_dropoff()
    {
        var json = Serialize(new TripRequestedNotice(_trip.TripId, Trips.T0, _trip.Pickup, _trip.Dropoff));

        Assert.Equal(["tripId", "kind", "at", "pickup", "dropoff"], Names(json));
        Assert.Equal("trip-requested", json["kind"]!.GetValue<string>());
        Assert.Equal(51.5007, json["pickup"]!["lat"]!.GetValue<double>());
        Assert.Equal(-0.0922, json["dropoff"]!["lng"]!.GetValue<double>());
        Assert.Equal(Trips.T0, json["at"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public void Driver_assigned_tells_the_passenger_the_driver_the_vehicle_and_the_eta()
    {
        var json = Serialize(new DriverOnTheWayNotice(_trip.TripId, Trips.T0, _trip.DriverId, "Ada Lovelace", _trip.Vehicle, 240));

        Assert.Equal(["tripId", "kind", "at", "driverId", "driverName", "vehicle", "etaSeconds"], Names(json));
        Assert.Equal("driver-assigned", json["kind"]!.GetValue<string>());
        Assert.Equal("LX21 ABC", json["vehicle"]!["plate"]!.GetValue<string>());
        Assert.Equal(240, json["etaSeconds"]!.GetValue<int>());
    }

    [Fact]
    public void Driver_assigned_tells_the_driver_the_passenger_and_the_pickup()
    {
        var json = Serialize(new NewTripNotice(_trip.TripId, Trips.T0, _trip.PassengerId, _trip.Pickup, 240));

        Assert.Equal(["tripId", "kind", "at", "passengerId", "pickup", "etaSeconds"], Names(json));
        Assert.Equal("driver-assigned", json["kind"]!.GetValue<string>());
        Assert.Equal(_trip.PassengerId.ToString(), json["passengerId"]!.GetValue<string>());
        Assert.Equal(-0.1246, json["pickup"]!["lng"]!.GetValue<double>());
    }

    [Fact]
    public void Unserved_carries_the_reason_and_cancelled_nothing_more()
    {
        var unserved = Serialize(new TripUnservedNotice(_trip.TripId, Trips.T0, "No driver nearby"));
        var cancelled = Serialize(new TripCancelledNotice(_trip.TripId, Trips.T0));

        Assert.Equal(["tripId", "kind", "at", "reason"], Names(unserved));
        Assert.Equal(("trip-unserved", "No driver nearby"), (unserved["kind"]!.GetValue<string>(), unserved["reason"]!.GetValue<string>()));
        Assert.Equal(["tripId", "kind", "at"], Names(cancelled));
        Assert.Equal("trip-cancelled", cancelled["kind"]!.GetValue<string>());
    }

    [Fact]
    public void A_listed_notification_carries_its_payload_as_data()
    {
        var payload = NotificationJson.Serialize(new TripCancelledNotice(_trip.TripId, Trips.T0));
        var stored = new StoredNotification(42, _trip.TripId, NotificationKinds.TripCancelled, payload, Trips.T0.AddSeconds(1));

        var listed = JsonNode.Parse(JsonSerializer.Serialize(
            NotificationRepresentation.Of(stored), NotificationsJsonContext.Default.Options))!;

        Assert.Equal(42, listed["id"]!.GetValue<long>());
        Assert.Equal("trip-cancelled", listed["kind"]!.GetValue<string>());
        Assert.Equal(_trip.TripId.ToString(), listed["data"]!["tripId"]!.GetValue<string>());
        Assert.Equal(Trips.T0.AddSeconds(1), listed["createdAt"]!.GetValue<DateTimeOffset>());
    }

    private static JsonNode Serialize(NotificationPayload payload) => JsonNode.Parse(NotificationJson.Serialize(payload))!;

    private static List<string> Names(JsonNode json) => [.. json.AsObject().Select(property => property.Key)];
}
