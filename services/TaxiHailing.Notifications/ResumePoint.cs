using System.Globalization;

namespace TaxiHailing.Notifications;

/// <summary>
/// Where a stream or a list starts. After a notification id the client already has (the Last-Event-ID header an
/// EventSource sends when it reconnects, or ?after=): every later notification of the recipient, whatever its
/// age. Without one: what the recipient was sent within the replay window, then everything after it.
/// </summary>
public readonly record struct ResumePoint(long? AfterId)
{
    public static ResumePoint Recent => new(null);

    public static ResumePoint After(long id) => new(id);

    /// <summary>
    /// Reads a notification id: digits only (no sign, space or exponent), within a 64-bit integer. Absent or empty
    /// means no id (an EventSource whose last event id was reset sends none); anything else is malformed.
    /// </summary>
    public static bool TryParse(string? value, out ResumePoint resumePoint)
    {
        resumePoint = Recent;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        resumePoint = After(id);
        return true;
    }

    /// <summary>The oldest notification the replay window shows to a client without an id.</summary>
    public static DateTimeOffset ReplaySince(DateTimeOffset now, TimeSpan replayWindow) => now - replayWindow;
}

/// <summary>
/// The id of the last notification a stream sent. Ids only go up: a notification at or below it was sent
/// already (or was before the resume point) and is never sent again.
/// </summary>
public sealed class StreamCursor(long lastSentId)
{
    public long LastSentId { get; private set; } = lastSentId;

    /// <summary>True, and the cursor moves on, when <paramref name="id"/> comes after everything sent so far.</summary>
    public bool TryAdvance(long id)
    {
        if (id <= LastSentId)
        {
            return false;
        }

        LastSentId = id;
        return true;
    }
}
