using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>What a driver's phone does with the Drivers API: register, go online, see offers and answer them.</summary>
internal static class DriverPhone
{
    /// <summary>Registers a driver with a fresh plate and takes them online at <paramref name="at"/>; returns their id.</summary>
    public static async Task<string> RegisterOnlineDriverAsync(this DistributedApplication app, (double Lat, double Lng) at, string name = "Amélie Durand")
    {
        using var drivers = app.CreateHttpClient("drivers");
        var plate = $"TX{Random.Shared.Next(10, 99)} {(char)('A' + Random.Shared.Next(26))}{(char)('A' + Random.Shared.Next(26))}{(char)('A' + Random.Shared.Next(26))}";
        using var registered = await drivers.PostAsJsonAsync("/v1/drivers",
            new { name, vehicle = new { make = "Renault", model = "Zoe", colour = "Blue", plate } });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var driverId = (await registered.ReadJsonAsync())["id"]!.GetValue<string>();
        using var online = await drivers.PutAsJsonAsync($"/v1/drivers/{driverId}/availability", new { online = true, position = new { lat = at.Lat, lng = at.Lng } });
        Assert.Equal(HttpStatusCode.OK, online.StatusCode);
        return driverId;
    }

    /// <summary>Waits until the Dispatcher counts every one of these drivers as free, so that trips can be offered to them.</summary>
    public static async Task WaitUntilDispatcherHasAvailableAsync(this DistributedApplication app, params string[] driverIds)
    {
        using var dispatcher = app.CreateHttpClient("dispatcher");
        await TaxiApi.EventuallyAsync(async () =>
        {
            var fleet = (await (await dispatcher.GetAsync("/v1/drivers")).ReadJsonAsync())["drivers"]!.AsArray();
            return driverIds.All(id => fleet.Any(d => d!["id"]!.GetValue<string>() == id && d["available"]!.GetValue<bool>()));
        }, TimeSpan.FromSeconds(30), $"the Dispatcher knows drivers {string.Join(", ", driverIds)} are available");
    }

    /// <summary>The driver's open offers, as their phone lists them.</summary>
    public static async Task<JsonArray> OpenOffersAsync(this DistributedApplication app, string driverId)
    {
        using var drivers = app.CreateHttpClient("drivers");
        using var response = await drivers.GetAsync($"/v1/drivers/{driverId}/offers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["offers"]!.AsArray();
    }

    /// <summary>Waits for the driver to be offered the trip; returns the offer.</summary>
    public static async Task<JsonNode> WaitForOfferAsync(this DistributedApplication app, string driverId, string tripId)
    {
        JsonNode? offer = null;
        await TaxiApi.EventuallyAsync(async () =>
        {
            offer = (await app.OpenOffersAsync(driverId)).FirstOrDefault(o => o!["tripId"]!.GetValue<string>() == tripId);
            return offer is not null;
        }, TimeSpan.FromSeconds(30), $"driver {driverId} is offered trip {tripId}");
        return offer!;
    }

    public static async Task<HttpResponseMessage> AnswerOfferAsync(this DistributedApplication app, string driverId, JsonNode offer, bool accept)
    {
        using var drivers = app.CreateHttpClient("drivers");
        return await drivers.PostAsJsonAsync($"/v1/drivers/{driverId}/offers/{offer["offerId"]!.GetValue<string>()}/answer", new { accept });
    }

    /// <summary>The Dispatcher's account of the trip's dispatch: rounds of offers, answers, confirmations.</summary>
    public static async Task<JsonObject> GetDispatchAsync(this DistributedApplication app, string tripId)
    {
        using var dispatcher = app.CreateHttpClient("dispatcher");
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
        using var drivers = app.CreateHttpClient("drivers");
        using var dispatcher = app.CreateHttpClient("dispatcher");
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
