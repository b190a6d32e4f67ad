using System.Text.RegularExpressions;

namespace TaxiHailing.Passengers;

/// <summary>The body of <c>POST /v1/passengers</c>.</summary>
public sealed partial record RegisterPassengerBody(string? Name, string? Phone) : IValidatedBody, IExampleBody<RegisterPassengerBody>
{
    public static RegisterPassengerBody Example { get; } = new("Noor de Vries", "+31 6 1234 5678");

    public const int MaxNameLength = 100;
    public const int MinPhoneLength = 6;
    public const int MaxPhoneLength = 20;

    public IEnumerable<(string Field, string Error)> Validate()
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            yield return ("name", "A name is required.");
        }
        else if (name.Length > MaxNameLength)
        {
            yield return ("name", $"The name must be at most {MaxNameLength} characters.");
        }

        var phone = Phone?.Trim();
        if (string.IsNullOrEmpty(phone))
        {
            yield return ("phone", "A phone number is required.");
        }
        else if (!IsPlausiblePhone(phone))
        {
            yield return ("phone",
                $"The phone number must be {MinPhoneLength}-{MaxPhoneLength} characters of digits, " +
                "with an optional leading +, spaces, dashes and parentheses.");
        }
    }

    /// <summary>The registration this body asks for; call only once <see cref="Validate"/> found nothing.</summary>
    public PassengerRegistration ToRegistration() => new(Name!.Trim(), Phone!.Trim());

    private static bool IsPlausiblePhone(string phone) =>
        phone.Length is >= MinPhoneLength and <= MaxPhoneLength
        && PhoneCharacters().IsMatch(phone)
        && phone.Count(char.IsAsciiDigit) >= MinPhoneLength;

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhoneCharacters();
}
