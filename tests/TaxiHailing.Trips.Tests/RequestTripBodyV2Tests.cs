using System.Text.Json;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

public class RequestTripBodyV2Tests
{
    private static readonly Guid PassengerId = Guid.Parse("0190b7a5-1d2e-7c3f-8a4b-5c6d7e8f9a0b");
    private static readonly PlaceBody Dam = new("Dam 1, Amsterdam", new LocationBody(52.3731, 4.8926));
    private static readonly PlaceBody Schiphol = new("Evert van de Beekstraat 202, Schiphol", new LocationBody(52.3086, 4.7639));

    private static RequestTripBodyV2 Parse(string json) => JsonSerializer.Deserialize(json, TripsJsonContext.Default.RequestTripBodyV2)!;

    private static List<string> FieldsInError(RequestTripBodyV2 body) => body.Validate().Select(error => error.Field).ToList();

    [Fact]
    public void A_request_without_a_product_is_a_standard_ride_between_the_named_places()
    {
        var body = Parse($$$$"""
            {"passengerId":"{{{{PassengerId}}}}",
             "pickup":{"address":" Dam 1, Amsterdam ","location":{"lat":52.3731,"lng":4.8926}},
             "dropoff":{"address":"Evert van de Beekstraat 202, Schiphol","location":{"lat":52.3086,"lng":4.7639}}}
            """);

        Assert.Empty(body.Validate());
        Assert.Equal(
            new TripRequest(PassengerId, new Location(52.3731, 4.8926), new Location(52.3086, 4.7639), RideProduct.Standard,
                "Dam 1, Amsterdam", "Evert van de Beekstraat 202, Schiphol"),
            body.ToTripRequest());
    }

    [Fact]
    public void An_xl_request_asks_for_an_xl_car()
    {
        var body = new RequestTripBodyV2(PassengerId, Dam, Schiphol, "xl");

        Assert.Empty(body.Validate());
        Assert.Equal(RideProduct.Xl, body.ToTripRequest().Product);
    }

    [Theory]
    [InlineData("XL")]
    [InlineData("premium")]
    [InlineData("")]
    public void An_unknown_product_is_a_field_error(string product)
    {
        Assert.Equal(["product"], FieldsInError(new RequestTripBodyV2(PassengerId, Dam, Schiphol, product)));
    }

    [Fact]
    public void Each_place_needs_an_address_and_a_location()
    {
        var body = new RequestTripBodyV2(PassengerId, new PlaceBody(" ", Dam.Location), new PlaceBody("Schiphol", null), null);

        Assert.Equal(["pickup.address", "dropoff.location"], FieldsInError(body));
    }

    [Fact]
    public void Missing_places_and_passenger_are_each_reported()
    {
        Assert.Equal(["passengerId", "pickup", "dropoff"], FieldsInError(new RequestTripBodyV2(null, null, null, null)));
    }

    [Fact]
    public void Coordinates_are_checked_as_in_v1_under_the_place()
    {
        var body = new RequestTripBodyV2(PassengerId, Dam with { Location = new LocationBody(91, null) }, Schiphol, null);

        Assert.Equal(["pickup.location.lat", "pickup.location.lng"], FieldsInError(body));
    }

    [Fact]
    public void An_address_is_at_most_200_characters()
    {
        var body = new RequestTripBodyV2(PassengerId, Dam with { Address = new string('a', 201) }, Schiphol, null);

        Assert.Equal(["pickup.address"], FieldsInError(body));
        Assert.Empty(new RequestTripBodyV2(PassengerId, Dam with { Address = new string('a', 200) }, Schiphol, null).Validate());
    }

    [Fact]
    public void The_drop_off_must_differ_from_the_pickup()
    {
        Assert.Equal(["dropoff.location"], FieldsInError(new RequestTripBodyV2(PassengerId, Dam, Dam with { Address = "Elsewhere" }, null)));
    }
}
