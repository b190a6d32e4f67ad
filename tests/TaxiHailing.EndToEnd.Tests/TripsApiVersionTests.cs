using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>/v1/trips and /v2/trips served side by side by one Trips instance, over the same trips.</summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class TripsApiVersionTests(TaxiHailingApplication taxiHailing)
{
    private readonly DistributedApplication _app = taxiHailing.App;

    private static StringContent V2Request(string passengerId, string? product) => TaxiApi.Json($$"""
        {
          "passengerId": "{{passengerId}}",
          "pickup": { "address": "Westminster Bridge, London", "location": { "lat": {{TaxiApi.Pickup.Lat}}, "lng": {{TaxiApi.Pickup.Lng}} } },
          "dropoff": { "address": "British Museum, Great Russell St", "location": { "lat": {{TaxiApi.Dropoff.Lat}}, "lng": {{TaxiApi.Dropoff.Lng}} } }
          {{(product is null ? "" : $", \"product\": \"{product}\"")}}
        }
        """);

    [Fact]
    public async Task A_v2_request_names_places_and_a_product_and_is_quoted_a_fare()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);

        using var created = await trips.PostAsync("/v2/trips", V2Request(passenger.Id, "xl"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var trip = await created.ReadJsonAsync();
        var id = trip["id"]!.GetValue<string>();
        Assert.Equal($"/v2/trips/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("xl", trip["product"]!.GetValue<string>());
        Assert.Equal("Westminster Bridge, London", trip["pickup"]!["address"]!.GetValue<string>());
        Assert.Equal(TaxiApi.Dropoff.Lat, trip["dropoff"]!["location"]!["lat"]!.GetValue<double>());
        Assert.Equal("GBP", trip["fareEstimate"]!["currency"]!.GetValue<string>());
        Assert.Equal(13.94m, trip["fareEstimate"]!["amount"]!.GetValue<decimal>()); // 2.71 km by road, 6.5 min: 9.29, times 1.5 for XL
        Assert.Equal($"/v2/trips/{id}/cancellation", trip["_links"]!["cancel"]!["href"]!.GetValue<string>());
        Assert.False(created.Headers.Contains("Deprecation"));

        await _app.CancelTripAsync(passenger, id);
    }

    [Fact]
    public async Task A_v2_request_without_a_product_is_a_standard_ride()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);

        using var created = await trips.PostAsync("/v2/trips", V2Request(passenger.Id, product: null));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var trip = await created.ReadJsonAsync();
        Assert.Equal("standard", trip["product"]!.GetValue<string>());
        Assert.Equal(9.29m, trip["fareEstimate"]!["amount"]!.GetValue<decimal>()); // 3.00 + 2.71 km * 1.60 + 6.5 min * 0.30
        await _app.CancelTripAsync(passenger, trip["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_v2_request_while_the_first_is_open_is_a_conflict_naming_it_at_its_v2_address()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);
        using var first = await trips.PostAsync("/v2/trips", V2Request(passenger.Id, product: null));
        var id = (await first.ReadJsonAsync())["id"]!.GetValue<string>();

        using var second = await trips.PostAsync("/v2/trips", V2Request(passenger.Id, "xl"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains($"(/v2/trips/{id})", (await second.ReadJsonAsync())["detail"]!.GetValue<string>());
        await _app.CancelTripAsync(passenger, id);
    }

    [Fact]
    public async Task A_trip_is_announced_in_both_versions_v1_first_on_the_trip_s_key()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);
        using var created = await trips.PostAsync("/v2/trips", V2Request(passenger.Id, "xl"));
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
        var kafka = KafkaTestClient.For(_app);

        List<Confluent.Kafka.ConsumeResult<string, byte[]>> announced = [];
        await TaxiApi.EventuallyAsync(() =>
        {
            announced = kafka.ReadAll("taxi.trips.events").Where(message => message.Message.Key == id).ToList();
            return Task.FromResult(announced.Count >= 2);
        }, TimeSpan.FromSeconds(30), $"trip {id} announced twice");

        Assert.Equal(["trips.trip-created.v1", "trips.trip-created.v2"], announced.Select(message => message.Header("message-type")));
        Assert.NotEqual(announced[0].Header("message-id"), announced[1].Header("message-id"));
        var v1 = JsonNode.Parse(announced[0].Message.Value)!;
        var v2 = JsonNode.Parse(announced[1].Message.Value)!;
        Assert.Equal(TaxiApi.Pickup.Lat, v1["pickup"]!["lat"]!.GetValue<double>());
        Assert.Null(v1["product"]);
        Assert.Equal("xl", v2["product"]!.GetValue<string>());
        Assert.Equal("Westminster Bridge, London", v2["pickup"]!["address"]!.GetValue<string>());
        Assert.Equal(TaxiApi.Pickup.Lat, v2["pickup"]!["location"]!["lat"]!.GetValue<double>());
        Assert.Equal(13.94m, v2["fareEstimate"]!["amount"]!.GetValue<decimal>());
        await _app.CancelTripAsync(passenger, id);
    }

    [Fact]
    public async Task A_v1_client_reads_a_trip_made_through_v2_unchanged()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);
        using var created = await trips.PostAsync("/v2/trips", V2Request(passenger.Id, "xl"));
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();

        using var read = await trips.GetAsync($"/v1/trips/{id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var trip = await read.ReadJsonAsync();
        Assert.Equal(TaxiApi.Pickup.Lat, trip["pickup"]!["lat"]!.GetValue<double>()); // v1's flat location, as before
        Assert.Equal(TaxiApi.Dropoff.Lng, trip["dropoff"]!["lng"]!.GetValue<double>());
        Assert.Equal($"/v1/trips/{id}", trip["_links"]!["self"]!["href"]!.GetValue<string>());
        Assert.Null(trip["product"]);
        Assert.Null(trip["fareEstimate"]);
        Assert.Equal("Ada Lovelace", trip["passenger"]!["name"]!.GetValue<string>());

        using var cancelled = await trips.PostAsync($"/v1/trips/{id}/cancellation", null); // and acts on it
        Assert.Equal("cancelled", (await cancelled.ReadJsonAsync())["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_v1_trip_reads_through_v2_as_a_standard_ride_whose_places_have_no_address()
    {
        var (created, passenger) = await _app.RequestTripWithPassengerAsync();
        var id = created["id"]!.GetValue<string>();
        using var trips = _app.CreateHttpClient("trips", passenger);

        using var read = await trips.GetAsync($"/v2/trips/{id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var trip = await read.ReadJsonAsync();
        Assert.Equal("standard", trip["product"]!.GetValue<string>());
        Assert.Equal(TaxiApi.Pickup.Lat, trip["pickup"]!["location"]!["lat"]!.GetValue<double>());
        Assert.Null(trip["pickup"]!["address"]);
        Assert.NotNull(trip["fareEstimate"]); // quoted for every trip since v2, even when asked through v1
        Assert.Equal("live", trip["passengerDetails"]!.GetValue<string>());
        await _app.CancelTripAsync(passenger, id);
    }

    [Fact]
    public async Task Every_v1_trips_answer_announces_its_deprecation_sunset_and_successor()
    {
        var (created, passenger) = await _app.RequestTripWithPassengerAsync();
        var id = created["id"]!.GetValue<string>();
        using var trips = _app.CreateHttpClient("trips", passenger);
        using var anonymous = _app.CreateHttpClient("trips");

        using var read = await trips.GetAsync($"/v1/trips/{id}");
        using var unauthorized = await anonymous.GetAsync($"/v1/trips/{id}");
        using var v2 = await trips.GetAsync($"/v2/trips/{id}");

        foreach (var answer in new[] { read, unauthorized })
        {
            Assert.Equal("@1796342400", Assert.Single(answer.Headers.GetValues("Deprecation")));
            Assert.Equal("Wed, 30 Jun 2027 23:59:59 GMT", Assert.Single(answer.Headers.GetValues("Sunset")));
            Assert.Contains("</v2/trips>; rel=\"successor-version\"", answer.Headers.GetValues("Link"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.False(v2.Headers.Contains("Deprecation"));
        await _app.CancelTripAsync(passenger, id);
    }

    [Fact]
    public async Task Each_version_has_its_own_openapi_document_and_v1_is_marked_deprecated()
    {
        using var anonymous = _app.CreateHttpClient("trips");

        var v1 = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var v2 = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v2.json"))!;

        var v1Paths = v1["paths"]!.AsObject().Select(path => path.Key).ToList();
        var v2Paths = v2["paths"]!.AsObject().Select(path => path.Key).ToList();
        Assert.Contains("/v1/trips", v1Paths);
        Assert.DoesNotContain(v1Paths, path => path.StartsWith("/v2/", StringComparison.Ordinal));
        Assert.Equal(["/v2/trips", "/v2/trips/{id}", "/v2/trips/{id}/cancellation"], v2Paths.Order());
        Assert.True(v1["paths"]!["/v1/trips"]!["post"]!["deprecated"]!.GetValue<bool>());
        Assert.Null(v2["paths"]!["/v2/trips"]!["post"]!["deprecated"]);
        Assert.Equal(JsonValueKind.Object, v2["paths"]!["/v2/trips"]!["post"]!["requestBody"]!.GetValueKind());
    }
}
