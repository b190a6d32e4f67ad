namespace TaxiHailing.Trips;

/// <summary>
/// The body of <c>POST /v2/trips</c>: places with addresses, and a product (standard when left out). Every field is
/// nullable so that a missing one is reported, not defaulted.
/// </summary>
public sealed record RequestTripBodyV2(Guid? PassengerId, PlaceBody? Pickup, PlaceBody? Dropoff, string? Product) : IValidatedBody, IExampleBody<RequestTripBodyV2>
{
    /// <summary>An XL from Amsterdam Centraal to Schiphol.</summary>
    public static RequestTripBodyV2 Example { get; } = new(
        RequestTripBody.Example.PassengerId,
        new PlaceBody("Stationsplein 1, Amsterdam", RequestTripBody.Example.Pickup),
        new PlaceBody("Evert van de Beekstraat 202, Schiphol", RequestTripBody.Example.Dropoff),
        "xl");

    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (PassengerId is null || PassengerId == Guid.Empty)
        {
            yield return ("passengerId", "A passenger id is required.");
        }

        foreach (var error in PlaceBody.Validate(Pickup, "pickup").Concat(PlaceBody.Validate(Dropoff, "dropoff")))
        {
            yield return error;
        }

        if (Pickup?.Location is { IsValid: true } pickup && pickup == Dropoff?.Location)
        {
            yield return ("dropoff.location", "The drop-off must differ from the pickup.");
        }

        if (Product is not null && RideProducts.TryParse(Product) is null)
        {
            yield return ("product", "The product must be standard or xl.");
        }
    }

    /// <summary>The request this body makes; call only once <see cref="Validate"/> found nothing.</summary>
    public TripRequest ToTripRequest() => new(
        PassengerId!.Value, Pickup!.Location!.ToLocation(), Dropoff!.Location!.ToLocation(),
        RideProducts.TryParse(Product) ?? Contracts.Trips.RideProduct.Standard, Pickup.Address!.Trim(), Dropoff.Address!.Trim());
}

/// <summary>A place as a v2 client names it: the address the passenger would say, and where it is on the map.</summary>
public sealed record PlaceBody(string? Address, LocationBody? Location)
{
    public const int MaxAddressLength = 200;

    internal static IEnumerable<(string Field, string Error)> Validate(PlaceBody? place, string field)
    {
        if (place is null)
        {
            yield return (field, $"A {field} place is required.");
            yield break;
        }

        if (string.IsNullOrWhiteSpace(place.Address))
        {
            yield return ($"{field}.address", "An address is required.");
        }
        else if (place.Address.Trim().Length > MaxAddressLength)
        {
            yield return ($"{field}.address", $"An address is at most {MaxAddressLength} characters.");
        }

        if (place.Location is null)
        {
            yield return ($"{field}.location", "A location (lat, lng) is required.");
            yield break;
        }

        foreach (var error in LocationBody.Validate(place.Location, $"{field}.location"))
        {
            yield return error;
        }
    }
}
