using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>What a driver's phone does with the Drivers API: register, go online, see offers and answer them.</summary>
internal static class DriverPhone
{
    /// <summary>Signs in as a new driver, registers them with a fresh plate and takes them online at <paramref name="at"/>.</summary>
    public static async Task<Account> RegisterOnlineDriverAsync(this DistributedApplication app, (double Lat, double Lng) at, string name = "Amélie Durand")
    {
        var driver = await app.SignInAsync("driver");
        using var drivers = app.CreateHttpClient("drivers", driver);
        var plate = $"TX{Random.Shared.Next(10, 99)} {(char)('A' + Random.Shared.Next(26))}{(char)('A' + Random.Shared.Next(26))}{(char)('A' + Random.Shared.Next(26))}";
        using var registered = await drivers.PostAsJsonAsync("/v1/drivers",
            new { name, vehicle = new { make = "Renault", model = "Zoe", colour = "Blue", plate } });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(driver.Id, (await registered.ReadJsonAsync())["id"]!.GetValue<string>());
        using var online = await drivers.PutAsJsonAsync($"/v1/drivers/{driver.Id}/availability", new { online = true, position = new { lat = at.Lat, lng = at.Lng } });
        Assert.Equal(HttpStatusCode.OK, online.StatusCode);
        return driver;
    }

    /// <summary>Waits until the Dispatcher counts every one of these drivers as free, so that trips can be offered to them.</summary>
    public static async Task WaitUntilDispatcherHasAvailableAsync(this DistributedApplication app, params Account[] drivers)
    {
        var driverIds = drivers.Select(driver => driver.Id).ToArray();
        using var dispatcher = await app.CreateOperatorClientAsync("dispatcher");
        await TaxiApi.EventuallyAsync(async () =>
        {
            var fleet = (await (await dispatcher.GetAsync("/v1/drivers")).ReadJsonAsync())["drivers"]!.AsArray();
            return driverIds.All(id => fleet.Any(d => d!["id"]!.GetValue<string>() == id && d["available"]!.GetValue<bool>()));
        }, TimeSpan.FromSeconds(30), $"the Dispatcher knows drivers {string.Join(", ", driverIds)} are available");
    }

    /// <summary>The driver's open offers, as their phone lists them.</summary>
    public static async Task<JsonArray> OpenOffersAsync(this DistributedApplication app, Account driver)
    {
        using var drivers = app.CreateHttpClient("drivers", driver);
        using var response = await drivers.GetAsync($"/v1/drivers/{driver.Id}/offers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["offers"]!.AsArray();
    }

    /// <summary>Waits for the driver to be offered the trip; returns the offer.</summary>
    public static async Task<JsonNode> WaitForOfferAsync(this DistributedApplication app, Account driver, string tripId)
    {
        JsonNode? offer = null;
        await TaxiApi.EventuallyAsync(async () =>
        {
            offer = (await app.OpenOffersAsync(driver)).FirstOrDefault(o => o!["tripId"]!.GetValue<string>() == tripId);
            return offer is not null;
        }, TimeSpan.FromSeconds(30), $"driver {driver.Id} is offered trip {tripId}");
        return offer!;
    }

    public static async Task<HttpResponseMessage> AnswerOfferAsync(this DistributedApplication app, Account driver, JsonNode offer, bool accept)
    {
        using var drivers = app.CreateHttpClient("drivers", driver);
        return await drivers.PostAsJsonAsync($"/v1/drivers/{driver.Id}/offers/{offer["offerId"]!.GetValue<string>()}/answer", new { accept });
    }

    /// <summary>The Dispatcher's account of the trip's dispatch: rounds of offers, answers, confirmations.</summary>
    public static async Task<JsonObject> GetDispatchAsync(this DistributedApplication app, string tripId)
    {
        using var dispatcher = await app.CreateOperatorClientAsync("dispatcher");
        using var response = await dispatcher.GetAsync($"/v1/dispatches/{tripId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>
    /// Waits until the driver is no longer on <paramref name="tripId"/>, in the Drivers service and at the Dispatcher,
    /// where they are available again, or already on their next trip.
    /// </summary>
    public static async Task WaitUntilFreeOfAsync(this DistributedApplication app, string driverId, string tripId)
    {
        using var drivers = await app.CreateOperatorClientAsync("drivers");
        using var dispatcher = await app.CreateOperatorClientAsync("dispatcher");
        JsonNode? seen = null;
        await TaxiApi.EventuallyAsync(async () =>
        {
            var driver = await (await drivers.GetAsync($"/v1/drivers/{driverId}")).ReadJsonAsync();
            var fleet = (await (await dispatcher.GetAsync("/v1/drivers")).ReadJsonAsync())["drivers"]!.AsArray();
            seen = fleet.Single(d => d!["id"]!.GetValue<string>() == driverId);
            var atDispatcher = seen!["currentTripId"]?.GetValue<string>();
            return driver["currentTripId"]?.GetValue<string>() != tripId
                && (seen["available"]!.GetValue<bool>() || (atDispatcher is not null && atDispatcher != tripId));
        }, TimeSpan.FromSeconds(30), () => $"driver {driverId} is free of trip {tripId} (the Dispatcher's last view: {seen?.ToJsonString()})");
    }
}
