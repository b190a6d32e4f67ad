using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>The driver side: drivers registered through the Drivers API, and location reports as one-way notifications.</summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class DriverTests(TaxiHailingApplication taxiHailing)
{
    private static readonly (double Lat, double Lng) Louvre = (48.8606, 2.3376);
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task A_location_report_gets_only_an_acknowledgement_and_its_effect_appears_later()
    {
        var driver = await _app.RegisterOnlineDriverAsync(Louvre);
        var driverId = driver.Id;
        using var drivers = _app.CreateHttpClient("drivers", driver);

        using var acknowledged = await drivers.PostAsJsonAsync($"/v1/drivers/{driverId}/location", new { lat = 48.8584, lng = 2.2945 });

        Assert.Equal(HttpStatusCode.Accepted, acknowledged.StatusCode);
        Assert.Empty(await acknowledged.Content.ReadAsByteArrayAsync());
        using var dispatcher = await _app.CreateOperatorClientAsync("dispatcher");
        await TaxiApi.EventuallyAsync(async () =>
        {
            var position = DriverIn(await (await dispatcher.GetAsync("/v1/drivers")).ReadJsonAsync(), driverId)?["position"];
            return position is not null && position["lat"]!.GetValue<double>() == 48.8584 && position["lng"]!.GetValue<double>() == 2.2945;
        }, TimeSpan.FromSeconds(30), $"the Dispatcher has driver {driverId} at the reported position");
        var report = KafkaTestClient.For(_app).ReadAll("taxi.drivers.locations").Last(m => m.Message.Key == driverId);
        Assert.Equal("drivers.location-reported.v1", report.Header("message-type"));
        Assert.Null(report.Header("reply-to"));
    }

    [Fact]
    public async Task A_driver_who_registers_and_goes_online_through_the_API_is_offered_trips_near_them_and_gets_the_one_they_accept()
    {
        var driver = await _app.RegisterOnlineDriverAsync(Louvre);
        var driverId = driver.Id;
        await _app.WaitUntilDispatcherHasAvailableAsync(driver);

        var tripId = await _app.RequestTripAsync(pickup: (48.8611, 2.3364));
        var offer = await _app.WaitForOfferAsync(driver, tripId);
        using var accepted = await _app.AnswerOfferAsync(driver, offer, accept: true);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var trip = await _app.WaitForTripStateAsync(tripId, "driver-assigned");
        Assert.Equal(driverId, trip["driver"]!["id"]!.GetValue<string>());
        using var drivers = _app.CreateHttpClient("drivers", driver);
        await TaxiApi.EventuallyAsync(async () => (await (await drivers.GetAsync($"/v1/drivers/{driverId}")).ReadJsonAsync())["currentTripId"]?.GetValue<string>() == tripId,
            TimeSpan.FromSeconds(30), $"the Drivers service knows driver {driverId} is on trip {tripId}");
    }

    private static JsonNode? DriverIn(JsonObject fleet, string driverId) =>
        fleet["drivers"]!.AsArray().FirstOrDefault(driver => driver!["id"]!.GetValue<string>() == driverId);
}
