using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>What the tests do with the public APIs, as a phone or an operator would.</summary>
internal static class TaxiApi
{
    public static readonly (double Lat, double Lng) Pickup = (51.5007, -0.1246);
    public static readonly (double Lat, double Lng) Dropoff = (51.5194, -0.1270);

    /// <summary>Signs in as a new passenger and registers them; returns their account.</summary>
    public static async Task<Account> RegisterPassengerAsync(this DistributedApplication app, string name = "Ada Lovelace")
    {
        var passenger = await app.SignInAsync("passenger");
        using var passengers = app.CreateHttpClient("passengers", passenger);
        using var response = await passengers.PostAsJsonAsync("/v1/passengers", new { name, phone = "+44 20 7946 0018" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(passenger.Id, (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        return passenger;
    }

    public static StringContent TripRequest(string passengerId) => TripRequest(passengerId, Pickup);

    public static StringContent TripRequest(string passengerId, (double Lat, double Lng) pickup) => Json(
        $$"""{ "passengerId": "{{passengerId}}", "pickup": { "lat": {{pickup.Lat}}, "lng": {{pickup.Lng}} }, "dropoff": { "lat": {{Dropoff.Lat}}, "lng": {{Dropoff.Lng}} } }""");

    /// <summary>Registers a passenger and requests a trip for them; returns the trip's id.</summary>
    public static async Task<string> RequestTripAsync(this DistributedApplication app, (double Lat, double Lng)? pickup = null) =>
        (await app.RequestTripWithPassengerAsync(pickup)).Trip["id"]!.GetValue<string>();

    /// <summary>Registers a passenger and requests a trip for them; returns the trip as created, and its passenger.</summary>
    public static async Task<(JsonObject Trip, Account Passenger)> RequestTripWithPassengerAsync(this DistributedApplication app, (double Lat, double Lng)? pickup = null)
    {
        var passenger = await app.RegisterPassengerAsync();
        using var trips = app.CreateHttpClient("trips", passenger);
        using var response = await trips.PostAsync("/v1/trips", TripRequest(passenger.Id, pickup ?? Pickup));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync(), passenger);
    }

    /// <summary>The passenger cancels their trip, so that they may request another: a passenger holds one open trip at most.</summary>
    public static async Task CancelTripAsync(this DistributedApplication app, Account passenger, string tripId)
    {
        using var trips = app.CreateHttpClient("trips", passenger);
        using var response = await trips.PostAsync($"/v1/trips/{tripId}/cancellation", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The trip as an operator reads it.</summary>
    public static async Task<JsonObject> GetTripAsync(this DistributedApplication app, string tripId)
    {
        using var trips = await app.CreateOperatorClientAsync("trips");
        using var response = await trips.GetAsync($"/v1/trips/{tripId}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>Polls the trip until it is in <paramref name="state"/>; returns it then.</summary>
    public static async Task<JsonObject> WaitForTripStateAsync(this DistributedApplication app, string tripId, string state, TimeSpan? timeout = null)
    {
        JsonObject trip = [];
        await EventuallyAsync(async () =>
        {
            trip = await app.GetTripAsync(tripId);
            return trip["state"]!.GetValue<string>() == state;
        }, timeout ?? TimeSpan.FromSeconds(30), () => $"trip {tripId} is {state} (last seen: {trip.ToJsonString()})");
        return trip;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Polls until the condition holds, failing with <paramref name="what"/> at the deadline.</summary>
    public static Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        EventuallyAsync(condition, timeout, () => what);

    /// <summary>Polls until the condition holds, failing at the deadline with what <paramref name="what"/> says then.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested) Assert.Fail($"Not true within {timeout.TotalSeconds:0} s: {what()}");
            await Task.Delay(100);
        }
    }
}
