using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Trips;

/// <summary>A product's name, as the API, the messages and tripsdb spell it.</summary>
public static class RideProducts
{
    public static string Name(this RideProduct product) => product switch
    {
        RideProduct.Standard => "standard",
        RideProduct.Xl => "xl",
        _ => throw new ArgumentOutOfRangeException(nameof(product), product, "Not a ride product."),
    };

    public static RideProduct Parse(string name) =>
        TryParse(name) ?? throw new FormatException($"'{name}' is not a ride product.");

    public static RideProduct? TryParse(string? name) => name switch
    {
        "standard" => RideProduct.Standard,
        "xl" => RideProduct.Xl,
        _ => null,
    };
}
