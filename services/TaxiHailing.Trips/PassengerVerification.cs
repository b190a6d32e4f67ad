using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Trips;

/// <summary>How the passenger of a trip was found fit to ride.</summary>
[JsonConverter(typeof(PassengerVerificationJsonConverter))]
public enum PassengerVerification
{
    /// <summary>The Passengers service said so when the trip was requested.</summary>
    Live,

    /// <summary>
    /// The Passengers service could not answer, and Trips fell back on having verified the passenger recently
    /// (within PassengerVerification:CacheTimeToLive).
    /// </summary>
    Cached,
}

public sealed class PassengerVerificationJsonConverter() : JsonStringEnumConverter<PassengerVerification>(JsonNamingPolicy.KebabCaseLower);

public static class PassengerVerifications
{
    public static string Name(this PassengerVerification verification) => JsonNamingPolicy.KebabCaseLower.ConvertName(verification.ToString());

    public static PassengerVerification Parse(string name)
    {
        foreach (var verification in Enum.GetValues<PassengerVerification>())
        {
            if (verification.Name() == name) return verification;
        }

        throw new FormatException($"'{name}' is not a passenger verification.");
    }
}
