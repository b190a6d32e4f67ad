using System.Net;
using System.Net.Http.Json;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>What each role may do, and that nobody acts on another's account, trips, offers or notifications.</summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class AuthorizationTests(TaxiHailingApplication taxiHailing)
{
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task A_passenger_sees_and_cancels_only_their_own_trips_and_another_passenger_gets_404_and_changes_nothing()
    {
        var (trip, owner) = await _app.RequestTripWithPassengerAsync();
        var tripId = trip["id"]!.GetValue<string>();
        var other = await _app.RegisterPassengerAsync("Eve Intruder");
        using var intruder = _app.CreateHttpClient("trips", other);

        await AssertNotFoundAsync(await intruder.GetAsync($"/v1/trips/{tripId}"));
        await AssertNotFoundAsync(await intruder.GetAsync($"/v1/trips/{tripId}/events"));
        await AssertNotFoundAsync(await intruder.PostAsync($"/v1/trips/{tripId}/cancellation", null));

        Assert.NotEqual("cancelled", (await _app.GetTripAsync(tripId))["state"]!.GetValue<string>());
        using var own = _app.CreateHttpClient("trips", owner);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/v1/trips/{tripId}")).StatusCode);
    }

    [Fact]
    public async Task A_passenger_cannot_book_a_trip_on_another_passengers_account()
    {
        var victim = await _app.RegisterPassengerAsync("Ada Lovelace");
        var other = await _app.RegisterPassengerAsync("Eve Intruder");
        using var intruder = _app.CreateHttpClient("trips", other);

        using var response = await intruder.PostAsync("/v1/trips", TaxiApi.TripRequest(victim.Id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        // The victim's account is untouched: they can still request their own trip.
        using var victimTrips = _app.CreateHttpClient("trips", victim);
        Assert.Equal(HttpStatusCode.Created, (await victimTrips.PostAsync("/v1/trips", TaxiApi.TripRequest(victim.Id))).StatusCode);
    }

    [Fact]
    public async Task A_passengers_profile_and_notifications_are_theirs_operators_and_trips_alone()
    {
        var owner = await _app.RegisterPassengerAsync("Ada Lovelace");
        var other = await _app.RegisterPassengerAsync("Eve Intruder");
        using var intruderPassengers = _app.CreateHttpClient("passengers", other);
        using var intruderNotifications = _app.CreateHttpClient("notifications", other);

        await AssertNotFoundAsync(await intruderPassengers.GetAsync($"/v1/passengers/{owner.Id}"));
        await AssertNotFoundAsync(await intruderNotifications.GetAsync($"/v1/passengers/{owner.Id}/notifications/list"));
        await AssertNotFoundAsync(await intruderNotifications.GetAsync($"/v1/passengers/{owner.Id}/notifications"));

        using var ownPassengers = _app.CreateHttpClient("passengers", owner);
        Assert.Equal("Ada Lovelace", (await (await ownPassengers.GetAsync($"/v1/passengers/{owner.Id}")).ReadJsonAsync())["name"]!.GetValue<string>());
        using var operatorPassengers = await _app.CreateOperatorClientAsync("passengers");
        Assert.Equal(HttpStatusCode.OK, (await operatorPassengers.GetAsync($"/v1/passengers/{owner.Id}")).StatusCode);
    }

    [Fact]
    public async Task Suspension_the_fleet_views_and_the_admin_endpoints_are_for_operators_only()
    {
        var passenger = await _app.RegisterPassengerAsync();
        var driver = await _app.SignInAsync("driver");
        (string Service, HttpMethod Method, string Path)[] operatorOnly =
        [
            ("passengers", HttpMethod.Put, $"/v1/passengers/{passenger.Id}/suspension"),
            ("passengers", HttpMethod.Delete, $"/v1/passengers/{passenger.Id}/suspension"),
            ("drivers", HttpMethod.Get, "/v1/drivers"),
            ("dispatcher", HttpMethod.Get, "/v1/drivers"),
            ("dispatcher", HttpMethod.Get, $"/v1/dispatches/{Guid.NewGuid()}"),
            ("trips", HttpMethod.Get, "/admin/dependencies"),
        ];

        foreach (var (service, method, path) in operatorOnly)
        {
            foreach (var caller in new[] { passenger, driver })
            {
                using var client = _app.CreateHttpClient(service, caller);
                using var response = await client.SendAsync(new HttpRequestMessage(method, path));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{caller.Role}: {method} {service}{path} answered {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            }
        }

        using var passengers = _app.CreateHttpClient("passengers", passenger);
        Assert.Equal("active", (await (await passengers.GetAsync($"/v1/passengers/{passenger.Id}")).ReadJsonAsync())["status"]!.GetValue<string>());
        using var operatorPassengers = await _app.CreateOperatorClientAsync("passengers");
        Assert.Equal(HttpStatusCode.OK, (await operatorPassengers.PutAsync($"/v1/passengers/{passenger.Id}/suspension", null)).StatusCode);
    }

    [Fact]
    public async Task A_driver_acts_only_on_themselves_and_another_driver_gets_404_and_changes_nothing()
    {
        var owner = await _app.RegisterOnlineDriverAsync((52.5200, 13.4050), "Jonas Becker");
        var other = await _app.RegisterOnlineDriverAsync((52.5300, 13.4050), "Erik Intruder");
        using var intruder = _app.CreateHttpClient("drivers", other);
        using var intruderNotifications = _app.CreateHttpClient("notifications", other);

        await AssertNotFoundAsync(await intruder.GetAsync($"/v1/drivers/{owner.Id}"));
        await AssertNotFoundAsync(await intruder.PutAsJsonAsync($"/v1/drivers/{owner.Id}/availability", new { online = false }));
        await AssertNotFoundAsync(await intruder.PostAsJsonAsync($"/v1/drivers/{owner.Id}/location", new { lat = 0.0, lng = 0.0 }));
        await AssertNotFoundAsync(await intruder.GetAsync($"/v1/drivers/{owner.Id}/offers"));
        await AssertNotFoundAsync(await intruder.PostAsJsonAsync($"/v1/drivers/{owner.Id}/offers/{Guid.NewGuid()}/answer", new { accept = true }));
        await AssertNotFoundAsync(await intruderNotifications.GetAsync($"/v1/drivers/{owner.Id}/notifications/list"));

        using var own = _app.CreateHttpClient("drivers", owner);
        var driver = await (await own.GetAsync($"/v1/drivers/{owner.Id}")).ReadJsonAsync();
        Assert.True(driver["online"]!.GetValue<bool>());
        Assert.Equal(52.52, driver["position"]!["lat"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_passenger_token_cannot_register_a_driver_nor_a_driver_token_a_passenger()
    {
        using var drivers = _app.CreateHttpClient("drivers", await _app.SignInAsync("passenger"));
        using var passengers = _app.CreateHttpClient("passengers", await _app.SignInAsync("driver"));

        using var driverRegistration = await drivers.PostAsJsonAsync("/v1/drivers", new { name = "Not A Driver", vehicle = new { make = "Fiat", model = "500", colour = "Red", plate = "NOPE 1" } });
        using var passengerRegistration = await passengers.PostAsJsonAsync("/v1/passengers", new { name = "Not A Passenger", phone = "+44 20 7946 0018" });

        Assert.Equal(HttpStatusCode.Forbidden, driverRegistration.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, passengerRegistration.StatusCode);
    }

    [Fact]
    public async Task An_account_registers_once_and_its_id_is_its_tokens_subject()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var passengers = _app.CreateHttpClient("passengers", passenger);

        using var again = await passengers.PostAsJsonAsync("/v1/passengers", new { name = "Ada Again", phone = "+44 20 7946 0018" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(passenger.Id, (await again.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    private static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }
}
