namespace TaxiHailing.Trips;

/// <summary>The body of <c>POST /v1/trips</c>. Every field is nullable so that a missing one is reported, not defaulted.</summary>
public sealed record RequestTripBody(Guid? PassengerId, LocationBody? Pickup, LocationBody? Dropoff) : IValidatedBody, IExampleBody<RequestTripBody>
{
    /// <summary>From Amsterdam Centraal to Schiphol.</summary>
    public static RequestTripBody Example { get; } = new(
        Guid.Parse("0197a3c2-5d1e-7b40-9c6f-2e8a41d7b3f5"), new LocationBody(52.3791, 4.9003), new LocationBody(52.3105, 4.7683));

    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (PassengerId is null || PassengerId == Guid.Empty)
        {
            yield return ("passengerId", "A passenger id is required.");
        }

        foreach (var error in LocationBody.Validate(Pickup, "pickup"))
        {
            yield return error;
        }

        foreach (var error in LocationBody.Validate(Dropoff, "dropoff"))
        {
            yield return error;
        }

        if (Pickup is { IsValid: true } && Pickup == Dropoff)
        {
            yield return ("dropoff", "The drop-off must differ from the pickup.");
        }
    }

    /// <summary>The request this body makes; call only once <see cref="Validate"/> found nothing.</summary>
    public TripRequest ToTripRequest() => new(PassengerId!.Value, Pickup!.ToLocation(), Dropoff!.ToLocation());
}

public sealed record LocationBody(double? Lat, double? Lng)
{
    internal bool IsValid => Lat is >= -90 and <= 90 && Lng is >= -180 and <= 180;

    internal Location ToLocation() => new(Lat!.Value, Lng!.Value);

    internal static IEnumerable<(string Field, string Error)> Validate(LocationBody? location, string field)
    {
        if (location is null)
        {
            yield return (field, $"A {field} location is required.");
            yield break;
        }

        if (location.Lat is null)
        {
            yield return ($"{field}.lat", "A latitude is required.");
        }
        else if (location.Lat is not (>= -90 and <= 90))
        {
            yield return ($"{field}.lat", "The latitude must be between -90 and 90.");
        }

        if (location.Lng is null)
        {
            yield return ($"{field}.lng", "A longitude is required.");
        }
        else if (location.Lng is not (>= -180 and <= 180))
        {
            yield return ($"{field}.lng", "The longitude must be between -180 and 180.");
        }
    }
}
