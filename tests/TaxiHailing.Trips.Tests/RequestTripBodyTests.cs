using System.Text.Json;
using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

public class RequestTripBodyTests
{
    private static readonly Guid PassengerId = Guid.Parse("0190b7a5-1d2e-7c3f-8a4b-5c6d7e8f9a0b");
    private static readonly LocationBody Dam = new(52.3731, 4.8926);
    private static readonly LocationBody Schiphol = new(52.3086, 4.7639);

    private static List<(string Field, string Error)> ErrorsOf(RequestTripBody body) => body.Validate().ToList();

    private static RequestTripBody Parse(string json) => JsonSerializer.Deserialize(json, TripsJsonContext.Default.RequestTripBody)!;

    [Fact]
    public void A_complete_request_is_valid_and_becomes_a_trip_request()
    {
        var body = new RequestTripBody(PassengerId, Dam, Schiphol);

        Assert.Empty(body.Validate());
        Assert.Equal(
            new TripRequest(PassengerId, new Location(52.3731, 4.8926), new Location(52.3086, 4.7639)),
            body.ToTripRequest());
    }

    [Theory]
    [InlineData(-90, -180)]
    [InlineData(90, 180)]
    [InlineData(0, 0)]
    public void Coordinates_on_the_edges_of_the_map_are_valid(double lat, double lng)
    {
        Assert.Empty(new RequestTripBody(PassengerId, new LocationBody(lat, lng), Schiphol).Validate());
    }

    [Fact]
    public void The_passenger_id_is_required()
    {
        var error = Assert.Single(ErrorsOf(new RequestTripBody(null, Dam, Schiphol)));
        Assert.Equal("passengerId", error.Field);
    }

    [Fact]
    public void An_empty_passenger_id_is_as_good_as_none()
    {
        var error = Assert.Single(ErrorsOf(new RequestTripBody(Guid.Empty, Dam, Schiphol)));
        Assert.Equal("passengerId", error.Field);
    }

    [Fact]
    public void The_pickup_and_dropoff_are_required()
    {
        var fields = ErrorsOf(new RequestTripBody(PassengerId, null, null)).Select(error => error.Field);

        Assert.Equal(["pickup", "dropoff"], fields);
    }

    [Theory]
    [InlineData(null, 4.0, "pickup.lat")]
    [InlineData(52.0, null, "pickup.lng")]
    [InlineData(90.0001, 4.0, "pickup.lat")]
    [InlineData(-90.5, 4.0, "pickup.lat")]
    [InlineData(52.0, 180.01, "pickup.lng")]
    [InlineData(52.0, -181.0, "pickup.lng")]
    public void A_missing_or_out_of_range_pickup_coordinate_is_named(double? lat, double? lng, string field)
    {
        var error = Assert.Single(ErrorsOf(new RequestTripBody(PassengerId, new LocationBody(lat, lng), Schiphol)));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(null, 4.0, "dropoff.lat")]
    [InlineData(52.0, null, "dropoff.lng")]
    [InlineData(100.0, 4.0, "dropoff.lat")]
    [InlineData(52.0, 200.0, "dropoff.lng")]
    public void A_missing_or_out_of_range_dropoff_coordinate_is_named(double? lat, double? lng, string field)
    {
        var error = Assert.Single(ErrorsOf(new RequestTripBody(PassengerId, Dam, new LocationBody(lat, lng))));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void The_dropoff_must_differ_from_the_pickup()
    {
        var error = Assert.Single(ErrorsOf(new RequestTripBody(PassengerId, Dam, new LocationBody(Dam.Lat, Dam.Lng))));

        Assert.Equal("dropoff", error.Field);
        Assert.Contains("differ", error.Error);
    }

    [Fact]
    public void Identical_but_invalid_locations_report_only_the_coordinates()
    {
        var offTheMap = new LocationBody(95, 4);

        var fields = ErrorsOf(new RequestTripBody(PassengerId, offTheMap, offTheMap)).Select(error => error.Field);

        Assert.Equal(["pickup.lat", "dropoff.lat"], fields);
    }

    [Fact]
    public void Fields_missing_from_the_json_are_reported_rather_than_defaulted_to_zero()
    {
        var body = Parse("""{ "pickup": { "lat": 52.37 }, "dropoff": { "lng": 4.76 } }""");

        var fields = ErrorsOf(body).Select(error => error.Field);

        Assert.Equal(["passengerId", "pickup.lng", "dropoff.lat"], fields);
    }

    [Fact]
    public void Json_field_names_are_camel_case_and_unknown_fields_are_ignored()
    {
        var body = Parse($$"""
            { "passengerId": "{{PassengerId}}", "pickup": { "lat": 52.3731, "lng": 4.8926 },
              "dropoff": { "lat": 52.3086, "lng": 4.7639 }, "notes": "window seat" }
            """);

        Assert.Equal(new RequestTripBody(PassengerId, Dam, Schiphol), body);
    }

    [Fact]
    public void A_coordinate_sent_as_a_string_is_a_json_error()
    {
        Assert.Throws<JsonException>(() => Parse("""{ "pickup": { "lat": "52.37", "lng": 4.89 } }"""));
    }
}
