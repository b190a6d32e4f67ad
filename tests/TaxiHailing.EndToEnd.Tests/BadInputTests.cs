using System.Net;
using System.Text;

namespace TaxiHailing.EndToEnd.Tests;

[Collection(TaxiHailingCollection.Name)]
public sealed class BadInputTests(TaxiHailingApplication taxiHailing)
{
    private const string Valid = """{ "passengerId": "PASSENGER", "pickup": { "lat": 51.5, "lng": -0.12 }, "dropoff": { "lat": 51.52, "lng": -0.1 } }""";
    private readonly DistributedApplication _app = taxiHailing.App;

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
