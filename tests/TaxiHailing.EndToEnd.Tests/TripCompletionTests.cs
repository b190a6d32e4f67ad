using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>A trip runs to its end: by a simulated driver on their own, by a real driver through the API, or not at all.</summary>
[Collection(TripCompletionCollection.Name)]
public sealed class TripCompletionTests(TripCompletionApplication taxiHailing)
{
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task A_trip_reaches_completed_on_its_own_with_every_step_on_its_stream_and_its_driver_free_again()
    {
        var (requested, passenger) = await _app.RequestTripWithPassengerAsync();
        var tripId = requested["id"]!.GetValue<string>();
        using var trips = _app.CreateHttpClient("trips", passenger);

        var events = await ServerSentEvents.ReadUntilAsync(trips, $"/v1/trips/{tripId}/events", e => e.Event == "trip-completed", timeout: TimeSpan.FromMinutes(2));

        // The driver's steps and the Dispatcher's assignment travel on different channels: the order of those two may vary.
        string[] steps = ["trip-requested", "driver-assigned", "driver-arriving", "driver-arrived", "trip-started", "trip-completed"];
        Assert.Equal(steps.Order(), events.Select(e => e.Event).Order());
        Assert.Equal("trip-requested", events[0].Event);
        Assert.Equal(["driver-arriving", "driver-arrived", "trip-started", "trip-completed"], events.Select(e => e.Event).Where(e => e is not ("trip-requested" or "driver-assigned")));
        Assert.Equal("trip-completed", events[^1].Event);
        var completed = JsonNode.Parse(events[^1].Data)!;
        Assert.Equal("completed", completed["state"]!.GetValue<string>());

        var trip = await _app.GetTripAsync(tripId);
        Assert.Equal("completed", trip["state"]!.GetValue<string>());
        Assert.InRange(trip["distanceKm"]!.GetValue<double>(), 1.5, 3); // pickup to dropoff is 2.1 km as the crow flies
        Assert.True(trip["durationSeconds"]!.GetValue<int>() >= 0);
        Assert.True(trip["fare"]!["amount"]!.GetValue<decimal>() >= 5);
        Assert.Equal("GBP", trip["fare"]!["currency"]!.GetValue<string>());
        Assert.Null(trip["_links"]!["cancel"]);

        var driverId = trip["driver"]!["id"]!.GetValue<string>();
        await _app.WaitUntilFreeOfAsync(driverId, tripId);
    }

    [Fact]
    public async Task A_real_driver_arrives_picks_up_and_drops_off_by_http_in_order_and_is_offered_the_next_trip()
    {
        (double Lat, double Lng) lisbon = (38.7223, -9.1393);
        var (phone, tripId) = await AssignToNewDriverAsync(lisbon, "Inês Carvalho");
        var driverId = phone.Id;
        using var drivers = _app.CreateHttpClient("drivers", phone);
        var driver = await WaitForDriverLinkAsync(drivers, driverId, "arrive");
        Assert.Equal($"/v1/drivers/{driverId}/trips/{tripId}", driver["_links"]!["currentTrip"]!["href"]!.GetValue<string>());

        using (var tooEarly = await drivers.PostAsync($"/v1/drivers/{driverId}/trips/{tripId}/dropoff", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
            Assert.Equal("application/problem+json", tooEarly.Content.Headers.ContentType!.MediaType);
        }

        await ReportAsync(drivers, driverId, (lisbon.Lat + 0.003, lisbon.Lng)); // about 330 m away: arriving
        await _app.WaitForTripStateAsync(tripId, "driver-arriving");
        await ReportAsync(drivers, driverId, lisbon);
        await StepAsync(drivers, driver["_links"]!["arrive"]!, "arrived");
        await _app.WaitForTripStateAsync(tripId, "driver-arrived");
        var pickUp = (await WaitForDriverLinkAsync(drivers, driverId, "pickUp"))["_links"]!["pickUp"]!;
        await StepAsync(drivers, pickUp, "in-progress");
        Assert.Equal(HttpStatusCode.Conflict, (await drivers.PostAsync($"/v1/drivers/{driverId}/trips/{tripId}/arrival", null)).StatusCode);
        await ReportAsync(drivers, driverId, (lisbon.Lat + 0.009, lisbon.Lng));
        await ReportAsync(drivers, driverId, (lisbon.Lat + 0.018, lisbon.Lng)); // 2 km north of the pickup
        var dropOff = (await WaitForDriverLinkAsync(drivers, driverId, "dropOff"))["_links"]!["dropOff"]!;
        await StepAsync(drivers, dropOff, "completed");

        var trip = await _app.WaitForTripStateAsync(tripId, "completed");
        Assert.Equal(2.0, trip["distanceKm"]!.GetValue<double>(), 1);
        Assert.True(trip["fare"]!["amount"]!.GetValue<decimal>() >= 5);
        await _app.WaitUntilFreeOfAsync(driverId, tripId);

        var next = await _app.RequestTripAsync(pickup: (lisbon.Lat + 0.018, lisbon.Lng));
        await _app.WaitForOfferAsync(phone, next);
    }

    [Fact]
    public async Task A_trip_its_driver_never_starts_ends_unserved_after_the_pickup_timeout_and_frees_the_driver()
    {
        (double Lat, double Lng) porto = (41.1579, -8.6291);
        var (phone, tripId) = await AssignToNewDriverAsync(porto, "Tiago Sousa");
        var driverId = phone.Id;
        var trip = await _app.WaitForTripStateAsync(tripId, "unserved", TripCompletionApplication.PickupTimeout + TimeSpan.FromSeconds(30));

        Assert.Contains("did not pick the passenger up", trip["unservedReason"]!.GetValue<string>());
        await _app.WaitUntilFreeOfAsync(driverId, tripId);
        using var drivers = _app.CreateHttpClient("drivers", phone);
        using var late = await drivers.PostAsync($"/v1/drivers/{driverId}/trips/{tripId}/arrival", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    /// <summary>A driver registered through the API 1 km from <paramref name="pickup"/>, who accepts the trip requested there; returns them and the trip.</summary>
    private async Task<(Account Driver, string TripId)> AssignToNewDriverAsync((double Lat, double Lng) pickup, string name)
    {
        var driver = await _app.RegisterOnlineDriverAsync((pickup.Lat + 0.009, pickup.Lng), name);
        await _app.WaitUntilDispatcherHasAvailableAsync(driver);
        var tripId = await _app.RequestTripAsync(pickup: pickup);
        using (var accepted = await _app.AnswerOfferAsync(driver, await _app.WaitForOfferAsync(driver, tripId), accept: true))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await _app.WaitForTripStateAsync(tripId, "driver-assigned");
        return (driver, tripId);
    }

    private static async Task<JsonObject> WaitForDriverLinkAsync(HttpClient drivers, string driverId, string link)
    {
        JsonObject driver = [];
        await TaxiApi.EventuallyAsync(async () =>
        {
            driver = await (await drivers.GetAsync($"/v1/drivers/{driverId}")).ReadJsonAsync();
            return driver["_links"]![link] is not null;
        }, TimeSpan.FromSeconds(30), () => $"driver {driverId} is offered {link} (last seen: {driver.ToJsonString()})");
        return driver;
    }

    private static async Task ReportAsync(HttpClient drivers, string driverId, (double Lat, double Lng) at)
    {
        using var reported = await drivers.PostAsJsonAsync($"/v1/drivers/{driverId}/location", new { lat = at.Lat, lng = at.Lng });
        Assert.Equal(HttpStatusCode.Accepted, reported.StatusCode);
    }

    private static async Task StepAsync(HttpClient drivers, JsonNode link, string stage)
    {
        Assert.Equal("POST", link["method"]!.GetValue<string>());
        using var response = await drivers.PostAsync(link["href"]!.GetValue<string>(), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(stage, (await response.ReadJsonAsync())["stage"]!.GetValue<string>());
    }
}
