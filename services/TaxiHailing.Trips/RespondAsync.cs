namespace TaxiHailing.Trips;

/// <summary>RFC 7240's Prefer: respond-async, and the Preference-Applied header that says it was honoured.</summary>
public static class RespondAsync
{
    public const string Preference = "respond-async";

    public static bool IsPreferred(string? prefer) =>
        (prefer ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(preference => preference.Split(';')[0].Trim().Equals(Preference, StringComparison.OrdinalIgnoreCase));
}
