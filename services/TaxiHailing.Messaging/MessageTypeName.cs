using System.Globalization;

namespace TaxiHailing.Messaging;

/// <summary>
/// A message type's name, "{family}.v{version}" (e.g. "trips.trip-created.v2"): the family says what happened, the
/// major version how it is written. A new version is a new contract beside the old one, never a change to it.
/// </summary>
public readonly record struct MessageTypeName(string Family, int Version)
{
    public static MessageTypeName? TryParse(string? name)
    {
        var dot = name?.LastIndexOf(".v", StringComparison.Ordinal) ?? -1;
        if (dot <= 0) return null;
        var version = name![(dot + 2)..];
        return version.Length > 0 && char.IsAsciiDigit(version[0]) && version[0] != '0'
            && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new MessageTypeName(name[..dot], number)
            : null;
    }

    public override string ToString() => $"{Family}.v{Version.ToString(CultureInfo.InvariantCulture)}";
}
