using System.Text.RegularExpressions;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Drivers;

/// <summary>The body of <c>POST /v1/drivers</c>. Every field is nullable so that a missing one is reported, not defaulted.</summary>
public sealed record RegisterDriverBody(string? Name, VehicleBody? Vehicle) : IValidatedBody, IExampleBody<RegisterDriverBody>
{
    public static RegisterDriverBody Example { get; } = new("Dara Okafor", new VehicleBody("Toyota", "Prius", "Silver", "LD21 XTR"));

    public const int MaxNameLength = 100;

    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (TextRule.Check(Name, "name", "A name", MaxNameLength) is { } nameError)
        {
            yield return nameError;
        }

        if (Vehicle is null)
        {
            yield return ("vehicle", "A vehicle (make, model, colour and plate) is required.");
            yield break;
        }

        foreach (var error in Vehicle.Validate())
        {
            yield return error;
        }
    }

    /// <summary>The registration this body asks for; call only once <see cref="Validate"/> found nothing.</summary>
    public DriverRegistration ToRegistration() => new(Name!.Trim(), Vehicle!.ToVehicle());
}

public sealed partial record VehicleBody(string? Make, string? Model, string? Colour, string? Plate)
{
    public const int MaxMakeLength = 50;
    public const int MaxModelLength = 50;
    public const int MaxColourLength = 30;
    public const int MinPlateLength = 2;
    public const int MaxPlateLength = 12;

    internal IEnumerable<(string Field, string Error)> Validate()
    {
        if (TextRule.Check(Make, "vehicle.make", "The make", MaxMakeLength) is { } makeError) yield return makeError;
        if (TextRule.Check(Model, "vehicle.model", "The model", MaxModelLength) is { } modelError) yield return modelError;
        if (TextRule.Check(Colour, "vehicle.colour", "The colour", MaxColourLength) is { } colourError) yield return colourError;

        if (string.IsNullOrWhiteSpace(Plate))
        {
            yield return ("vehicle.plate", "The plate is required.");
        }
        else if (NormalisePlate(Plate) is not { Length: >= MinPlateLength and <= MaxPlateLength } plate || !PlateShape().IsMatch(plate))
        {
            yield return ("vehicle.plate",
                $"The plate must be {MinPlateLength}-{MaxPlateLength} characters of letters A-Z and digits, in groups separated by single spaces or dashes.");
        }
    }

    internal Vehicle ToVehicle() => new(Make!.Trim(), Model!.Trim(), Colour!.Trim(), NormalisePlate(Plate!));

    /// <summary>A plate as written on the vehicle: upper case, one space between groups ("ab19  cde " is "AB19 CDE").</summary>
    public static string NormalisePlate(string plate) => Whitespace().Replace(plate.Trim(), " ").ToUpperInvariant();

    [GeneratedRegex(@"^[A-Z0-9]+(?:[ \-][A-Z0-9]+)*$")]
    private static partial Regex PlateShape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

internal static class TextRule
{
    /// <summary>A required text field: not blank, and at most <paramref name="maxLength"/> characters once trimmed.</summary>
    public static (string Field, string Error)? Check(string? value, string field, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return (field, $"{what} is required.");
        if (trimmed.Length > maxLength) return (field, $"{what} must be at most {maxLength} characters.");
        return null;
    }
}
