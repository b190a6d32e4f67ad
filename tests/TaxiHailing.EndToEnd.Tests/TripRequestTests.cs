using System.Net;

namespace TaxiHailing.EndToEnd.Tests;

[Collection(TaxiHailingCollection.Name)]
public sealed class TripRequestTests(TaxiHailingApplication taxiHailing)
{
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task A_registered_passenger_requests_a_trip_and_can_read_it_back()
    {
        var passenger = await _app.RegisterPassengerAsync();
        var passengerId = passenger.Id;
        using var trips = _app.CreateHttpClient("trips", passenger);

        using var created = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(passengerId));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var trip = await created.ReadJsonAsync();
        var id = trip["id"]!.GetValue<string>();
        Assert.Equal($"/v1/trips/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(passengerId, trip["passengerId"]!.GetValue<string>());
        Assert.Equal("requested", trip["state"]!.GetValue<string>());
        Assert.Equal($"/v1/trips/{id}", trip["_links"]!["self"]!["href"]!.GetValue<string>());
        Assert.NotNull(trip["_links"]!["cancel"]);

        using var read = await trips.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var stored = await read.ReadJsonAsync();
        Assert.Equal(id, stored["id"]!.GetValue<string>());
        Assert.Equal(TaxiApi.Pickup.Lat, stored["pickup"]!["lat"]!.GetValue<double>());
        Assert.Equal(TaxiApi.Dropoff.Lng, stored["dropoff"]!["lng"]!.GetValue<double>());
        Assert.Equal("Ada Lovelace", stored["passenger"]!["name"]!.GetValue<string>());
        Assert.Equal("+44 20 7946 0018", stored["passenger"]!["phone"]!.GetValue<string>());
        Assert.Equal("live", stored["passengerDetails"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_in_passenger_who_never_registered_cannot_request_a_trip()
    {
        var stranger = await _app.SignInAsync("passenger");
        using var trips = _app.CreateHttpClient("trips", stranger);

        using var response = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(stranger.Id));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_suspended_passenger_is_refused_until_reinstated()
    {
        var passenger = await _app.RegisterPassengerAsync();
        var passengerId = passenger.Id;
        using var passengers = await _app.CreateOperatorClientAsync("passengers");
        using var trips = _app.CreateHttpClient("trips", passenger);

        using (var suspended = await passengers.PutAsync($"/v1/passengers/{passengerId}/suspension", null))
        {
            Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
            Assert.Equal("suspended", (await suspended.ReadJsonAsync())["status"]!.GetValue<string>());
        }

        using (var refused = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(passengerId)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }

        using (var reinstated = await passengers.DeleteAsync($"/v1/passengers/{passengerId}/suspension"))
        {
            Assert.Equal("active", (await reinstated.ReadJsonAsync())["status"]!.GetValue<string>());
        }

        using var accepted = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(passengerId));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_trip_is_cancelled_once_and_then_offers_no_cancel_link()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);
        using var created = await trips.PostAsync("/v1/trips", TaxiApi.TripRequest(passenger.Id));
        var cancelHref = (await created.ReadJsonAsync())["_links"]!["cancel"]!["href"]!.GetValue<string>();

        using var cancelled = await trips.PostAsync(cancelHref, null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var trip = await cancelled.ReadJsonAsync();
        Assert.Equal("cancelled", trip["state"]!.GetValue<string>());
        Assert.Null(trip["_links"]!["cancel"]);
        Assert.NotNull(trip["cancelledAt"]);

        using var again = await trips.PostAsync(cancelHref, null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);

        using var read = await trips.GetAsync(created.Headers.Location);
        Assert.Null((await read.ReadJsonAsync())["_links"]!["cancel"]);
    }

    [Fact]
    public async Task The_call_from_trips_to_passengers_carries_the_W3C_trace_context()
    {
        var passenger = await _app.RegisterPassengerAsync();
        var passengerId = passenger.Id;
        var traceId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var callerSpanId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        using var trips = _app.CreateHttpClient("trips", passenger);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/trips") { Content = TaxiApi.TripRequest(passengerId) };
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");

        using var response = await trips.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // Passengers logs its lookup inside the request's scope: the trace id must be the caller's, and the parent
        // span must be trips' outgoing call, not the caller's span.
        string? lookup = null;
        await TaxiApi.EventuallyAsync(() =>
        {
            lookup = _app.GetResourceLogs("passengers").FirstOrDefault(line => line.Contains($"TraceId:{traceId}") && line.Contains(passengerId));
            return Task.FromResult(lookup is not null);
        }, TimeSpan.FromSeconds(10), $"passengers logs the lookup of {passengerId} in trace {traceId}");

        var parentId = System.Text.RegularExpressions.Regex.Match(lookup!, "ParentId:([0-9a-f]{16})").Groups[1].Value;
        Assert.NotEqual("", parentId);
        Assert.NotEqual(callerSpanId, parentId);
        Assert.NotEqual("0000000000000000", parentId);
    }
}
