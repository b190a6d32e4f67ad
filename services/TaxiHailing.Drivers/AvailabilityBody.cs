using System.Text.Json.Serialization;
using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers;

/// <summary>The body of <c>PUT /v1/drivers/{id}/availability</c>: online (with where the driver is) or offline.</summary>
public sealed record AvailabilityBody(bool? Online, CoordinatesBody? Position) : IValidatedBody, IExampleBody<AvailabilityBody>
{
    /// <summary>Online at Amsterdam Centraal.</summary>
    public static AvailabilityBody Example { get; } = new(true, CoordinatesBody.Example);

    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (Online is null)
        {
            yield return ("online", "Say whether the driver goes online (true) or offline (false).");
        }

        if (Position is null)
        {
            if (Online is true) yield return ("position", "A position is required when going online.");
            yield break;
        }

        foreach (var error in Position.Validate("position"))
        {
            yield return error;
        }
    }

    [JsonIgnore] // not input, and not in the contract
    public bool GoesOnline => Online!.Value;

    /// <summary>The position given, if any; call only once <see cref="Validate"/> found nothing.</summary>
    public GeoPoint? ToPosition() => Position?.ToGeoPoint();
}

/// <summary>A place in WGS 84 degrees: the body of <c>POST /v1/drivers/{id}/location</c>, and the position of an availability change.</summary>
public sealed record CoordinatesBody(double? Lat, double? Lng) : IValidatedBody, IExampleBody<CoordinatesBody>
{
    public static CoordinatesBody Example { get; } = new(52.3791, 4.9003);

    public IEnumerable<(string Field, string Error)> Validate() => Validate(prefix: null);

    internal IEnumerable<(string Field, string Error)> Validate(string? prefix)
    {
        var lat = prefix is null ? "lat" : $"{prefix}.lat";
        var lng = prefix is null ? "lng" : $"{prefix}.lng";
        if (Lat is null)
        {
            yield return (lat, "A latitude is required.");
        }
        else if (Lat is not (>= -90 and <= 90))
        {
            yield return (lat, "The latitude must be between -90 and 90.");
        }

        if (Lng is null)
        {
            yield return (lng, "A longitude is required.");
        }
        else if (Lng is not (>= -180 and <= 180))
        {
            yield return (lng, "The longitude must be between -180 and 180.");
        }
    }

    /// <summary>The place this body gives; call only once <see cref="Validate"/> found nothing.</summary>
    public GeoPoint ToGeoPoint() => new(Lat!.Value, Lng!.Value);
}
