using System.Net;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using static TaxiHailing.Drivers.Tests.DispatcherSide;

namespace TaxiHailing.Drivers.Tests;

/// <summary>A driver given a trip does it through the API, step by step, and every step leaves on taxi.drivers.trips.</summary>
[Collection(DriversServiceCollection.Name)]
public sealed class DriverTripTests(DriversService drivers)
{
    private const string TripSteps = "taxi.drivers.trips";

    [Fact]
    public async Task A_driver_arrives_picks_up_and_drops_off_in_order_and_is_free_again()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(GreatCircle.Destination(Pickup, 0, 2.0));
        var tripId = await AssignAsync(driverId);
        var trip = $"/v1/drivers/{driverId}/trips/{tripId}";

        using (var early = await drivers.As(driverId).PostAsync($"{trip}/pickup", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Equal("application/problem+json", early.Content.Headers.ContentType!.MediaType);
        }

        // Close to the pickup, the driver's own location report makes them arriving.
        await drivers.As(driverId).PostAsync($"/v1/drivers/{driverId}/location", Json(GreatCircle.Destination(Pickup, 0, 0.3)));
        await drivers.Kafka.WaitForAsync(TripSteps, m => m.Message.Key == tripId.ToString() && m.Header("message-type") == DriverArriving.MessageType, "the driver is arriving");
        await drivers.As(driverId).PostAsync($"/v1/drivers/{driverId}/location", Json(Pickup));
        var arrived = await StepAsync($"{trip}/arrival", "arrived");
        Assert.Equal($"{trip}/pickup", arrived["_links"]!["pickUp"]!["href"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await drivers.As(driverId).PostAsync($"{trip}/arrival", null)).StatusCode); // a repeat changes nothing

        await StepAsync($"{trip}/pickup", "in-progress");
        await drivers.As(driverId).PostAsync($"/v1/drivers/{driverId}/location", Json(GreatCircle.Destination(Pickup, 0, 1.0)));
        await drivers.As(driverId).PostAsync($"/v1/drivers/{driverId}/location", Json(GreatCircle.Destination(Pickup, 0, 2.0)));
        var completed = await StepAsync($"{trip}/dropoff", "completed");
        Assert.Equal(2.0, completed["distanceKm"]!.GetValue<double>(), 2);

        var dropped = KafkaChannels.Body<PassengerDroppedOff>(await drivers.Kafka.WaitForAsync(TripSteps,
            m => m.Message.Key == tripId.ToString() && m.Header("message-type") == PassengerDroppedOff.MessageType, "the passenger was dropped off"));
        Assert.Equal((tripId, driverId), (dropped.TripId, dropped.DriverId));
        Assert.Equal(2.0, dropped.DistanceKm, 2);
        var driver = await (await drivers.As(driverId).GetAsync($"/v1/drivers/{driverId}")).ReadJsonAsync();
        Assert.Null(driver["currentTripId"]);
        Assert.Equal(HttpStatusCode.Conflict, (await drivers.As(driverId).PostAsync($"{trip}/arrival", null)).StatusCode);
    }

    private static readonly Guid Stranger = Guid.NewGuid();

    [Fact]
    public async Task Steps_on_an_unknown_driver_or_a_trip_never_given_are_404()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(Pickup);

        Assert.Equal(HttpStatusCode.NotFound, (await drivers.As(Stranger).PostAsync($"/v1/drivers/{Stranger}/trips/{Guid.NewGuid()}/arrival", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await drivers.As(driverId).PostAsync($"/v1/drivers/{driverId}/trips/{Guid.NewGuid()}/pickup", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await drivers.As(driverId).GetAsync($"/v1/drivers/{driverId}/trips/{Guid.NewGuid()}")).StatusCode);
    }

    /// <summary>Offers a trip to the driver, who accepts, and assigns it as the Dispatcher would; returns the trip id.</summary>
    private async Task<Guid> AssignAsync(Guid driverId)
    {
        var offer = Offer([driverId]);
        await drivers.SendOfferAsync(offer);
        await drivers.WaitForOfferAsync(driverId, offer.OfferId);
        (await drivers.AnswerAsync(driverId, offer.OfferId, accept: true)).EnsureSuccessStatusCode();
        await drivers.Kafka.SendAsync(DispatchChannels.Events, offer.TripId.ToString(),
            new DriverAssigned(offer.TripId, driverId, "Test Driver", new Vehicle("Toyota", "Prius", "Silver", "TS00 AAA"), 120, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () =>
            (await drivers.As(driverId).GetAsync($"/v1/drivers/{driverId}/trips/{offer.TripId}")).StatusCode == HttpStatusCode.OK, Soon, "the trip is the driver's");
        return offer.TripId;
    }

    private async Task<System.Text.Json.Nodes.JsonObject> StepAsync(string path, string stage)
    {
        // The path names the driver: /v1/drivers/{id}/trips/{tripId}/...
        using var response = await drivers.As(Guid.Parse(path.Split('/')[3])).PostAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trip = await response.ReadJsonAsync();
        Assert.Equal(stage, trip["stage"]!.GetValue<string>());
        return trip;
    }

    private static StringContent Json(GeoPoint at) =>
        new(FormattableString.Invariant($$"""{ "lat": {{at.Lat}}, "lng": {{at.Lng}} }"""), System.Text.Encoding.UTF8, "application/json");
}
