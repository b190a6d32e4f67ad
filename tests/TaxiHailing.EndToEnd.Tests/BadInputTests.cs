using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace TaxiHailing.EndToEnd.Tests;

[Collection(TaxiHailingCollection.Name)]
public sealed class BadInputTests(TaxiHailingApplication taxiHailing)
{
    private const string Valid = """{ "passengerId": "PASSENGER", "pickup": { "lat": 51.5, "lng": -0.12 }, "dropoff": { "lat": 51.52, "lng": -0.1 } }""";
    private static readonly (double Lat, double Lng) Reykjavik = (64.1466, -21.9426);
    private static readonly (double Lat, double Lng) Tromso = (69.6492, 18.9553);
    private static readonly ConditionalWeakTable<DistributedApplication, Task<(Account, string)>> SharedOffers = new();
    private readonly DistributedApplication _app = taxiHailing.App;

    public static TheoryData<string, string> EveryBodyOperationWithEveryHostileBody
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var operation in BodyOperations.Names)
            {
                foreach (var hostility in HostileBodies.Classes) cases.Add(operation, hostility);
            }

            return cases;
        }
    }

    public static TheoryData<string> EveryBodyOperation => new(BodyOperations.Names);

    [Theory]
    [MemberData(nameof(EveryBodyOperationWithEveryHostileBody))]
    public async Task A_hostile_body_gets_its_4xx_as_problem_json_and_nothing_of_it_is_stored(string operation, string hostility)
    {
        var target = await _app.PrepareAsync(operation, () => SharedOffers.GetValue(_app, app => app.OfferAsync(Reykjavik)));
        var request = HostileBodies.For(hostility, target);

        var response = await RawHttp.SendAsync(_app.GetEndpoint(target.Resource), request.Head, request.Body);

        Assert.True(request.Status == response.Status, $"{operation} answered a {hostility} body with {response.Status}, not {request.Status}: {response.Body}");
        Assert.Equal("application/problem+json", response.ContentType);
        if (request.Field is { } field)
        {
            var errors = response.Json()["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"expected an error for '{field}', got: {errors.ToJsonString()}");
        }

        Assert.True(await target.NothingStoredAsync(), $"{operation} kept something of a {hostility} body");
    }

    // The other side of "nothing was stored": sent the same way, the valid body is taken, and the check sees it.
    [Theory]
    [MemberData(nameof(EveryBodyOperation))]
    public async Task The_valid_body_of_each_operation_is_taken_and_seen_so_each_hostile_one_fails_for_its_own_reason(string operation)
    {
        var target = await _app.PrepareAsync(operation, () => _app.OfferAsync(Tromso));
        var request = HostileBodies.Valid(target);
        try
        {
            var response = await RawHttp.SendAsync(_app.GetEndpoint(target.Resource), request.Head, request.Body);

            Assert.True(response.Status is >= 200 and < 300, $"{operation} answered its valid body with {response.Status}: {response.Body}");
            Assert.False(await target.NothingStoredAsync(), $"{operation} took its valid body, but the check does not see it");
        }
        finally
        {
            await target.UndoAsync();
        }
    }

    [Theory]
    [InlineData("trips", "DELETE", "/v1/trips/0197a1a4-0000-7000-8000-000000000001")]
    [InlineData("passengers", "DELETE", "/v1/passengers/0197a1a4-0000-7000-8000-000000000001")]
    [InlineData("drivers", "DELETE", "/v1/drivers")]
    [InlineData("notifications", "DELETE", "/v1/drivers/0197a1a4-0000-7000-8000-000000000001/notifications/list")]
    [InlineData("dispatcher", "DELETE", "/v1/drivers")]
    public async Task An_unknown_route_and_a_wrong_method_are_problem_json_even_to_a_client_that_accepts_only_xml(string resource, string method, string path)
    {
        using var client = await _app.CreateOperatorClientAsync(resource);
        client.DefaultRequestHeaders.Add("Accept", "application/xml");

        using var unknown = await client.GetAsync("/v1/no-such-thing");
        using var wrongMethod = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
        Assert.Equal(405, (await wrongMethod.ReadJsonAsync())["status"]!.GetValue<int>());
    }

    // What Kestrel refuses before the application sees the request cannot be problem+json (docs/bad-input.md); if
    // this fails, Kestrel started letting the application answer, and the document should say so.
    [Theory]
    [InlineData(414, "GET /v1/passengers/LONG HTTP/1.1\r\nHost: localhost\r\n\r\n")]
    [InlineData(431, "GET /v1/passengers HTTP/1.1\r\nHost: localhost\r\nX-Big: LONG\r\n\r\n")]
    [InlineData(400, "GET /v1/passengers HTTP/1.1\r\nHost: localhost\r\nNo colon\r\n\r\n")]
    [InlineData(400, "GET  /v1/passengers\r\n\r\n")]
    [InlineData(400, "POST /v1/passengers HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n")]
    public async Task What_Kestrel_refuses_before_the_application_sees_it_is_answered_without_a_body(int status, string request)
    {
        var raw = request.Replace("LONG", new string('a', 40_000));

        var response = await RawHttp.SendAsync(_app.GetEndpoint("passengers"), raw, []);

        Assert.Equal(status, response.Status);
        Assert.Null(response.ContentType);
        Assert.Empty(response.Body);
    }

    public static TheoryData<string, string> BadTripRequests => new()
    {
        { """{ "passengerId": "PASSENGER", "pickup": { "lat": 51.5 """, "body" },
        { "[1, 2, 3]", "body" },
        { """{ "pickup": { "lat": 51.5, "lng": -0.12 }, "dropoff": { "lat": 51.52, "lng": -0.1 } }""", "passengerId" },
        { """{ "passengerId": "not-a-guid", "pickup": { "lat": 51.5, "lng": -0.12 }, "dropoff": { "lat": 51.52, "lng": -0.1 } }""", "passengerId" },
        { """{ "passengerId": "PASSENGER", "dropoff": { "lat": 51.52, "lng": -0.1 } }""", "pickup" },
        { """{ "passengerId": "PASSENGER", "pickup": { "lat": 51.5, "lng": -0.12 }, "dropoff": { "lng": -0.1 } }""", "dropoff.lat" },
        { """{ "passengerId": "PASSENGER", "pickup": { "lat": 91, "lng": -0.12 }, "dropoff": { "lat": 51.52, "lng": -0.1 } }""", "pickup.lat" },
        { """{ "passengerId": "PASSENGER", "pickup": { "lat": 51.5, "lng": -0.12 }, "dropoff": { "lat": 51.52, "lng": -180.5 } }""", "dropoff.lng" },
        { """{ "passengerId": "PASSENGER", "pickup": { "lat": "north", "lng": -0.12 }, "dropoff": { "lat": 51.52, "lng": -0.1 } }""", "pickup.lat" },
    };

    [Theory]
    [MemberData(nameof(BadTripRequests))]
    public async Task A_bad_trip_request_gets_a_400_problem_naming_the_field(string body, string field)
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);

        using var response = await trips.PostAsync("/v1/trips", TaxiApi.Json(body.Replace("PASSENGER", passenger.Id)));

        await AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task The_valid_template_is_accepted_so_each_bad_case_fails_for_its_own_reason()
    {
        var passenger = await _app.RegisterPassengerAsync();
        using var trips = _app.CreateHttpClient("trips", passenger);

        using var response = await trips.PostAsync("/v1/trips", TaxiApi.Json(Valid.Replace("PASSENGER", passenger.Id)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_trip_request_that_is_not_JSON_gets_a_415_problem()
    {
        using var trips = _app.CreateHttpClient("trips", await _app.RegisterPassengerAsync());

        using var response = await trips.PostAsync("/v1/trips", new StringContent("pickup=here", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("""{ "name": "", "phone": "+44 20 7946 0018" }""", "name")]
    [InlineData("""{ "phone": "+44 20 7946 0018" }""", "name")]
    [InlineData("""{ "name": "Ada", "phone": "call me maybe" }""", "phone")]
    [InlineData("""{ "name": "Ada", "phone": 442079460018 }""", "phone")]
    public async Task A_bad_registration_gets_a_400_problem_naming_the_field(string body, string field)
    {
        using var passengers = _app.CreateHttpClient("passengers", await _app.SignInAsync("passenger"));

        using var response = await passengers.PostAsync("/v1/passengers", TaxiApi.Json(body));

        await AssertValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("trips", "/v1/trips/not-a-trip-id")]
    [InlineData("passengers", "/v1/passengers/not-a-passenger-id")]
    public async Task A_malformed_id_in_the_path_is_a_client_error_not_a_crash(string resource, string path)
    {
        using var client = await _app.CreateOperatorClientAsync(resource);

        using var response = await client.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path} answered {response.StatusCode}");
    }

    private static async Task AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadJsonAsync();
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for '{field}', got: {errors.ToJsonString()}");
    }
}
