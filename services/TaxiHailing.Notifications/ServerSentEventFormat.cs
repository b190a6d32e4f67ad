using System.Globalization;
using System.Text;

namespace TaxiHailing.Notifications;

/// <summary>The text/event-stream wire format (HTML Living Standard, "Server-sent events").</summary>
public static class ServerSentEventFormat
{
    public const string ContentType = "text/event-stream";

    /// <summary>A comment line: ignored by EventSource, but traffic that keeps proxies from closing an idle stream.</summary>
    public const string KeepAlive = ": keep-alive\n\n";

    /// <summary>One event: its id, its name and its data, a data line for each line of <paramref name="data"/>.</summary>
    public static string Event(long id, string eventName, string data)
    {
        if (eventName.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("An event name cannot span lines.", nameof(eventName));
        }

        var text = new StringBuilder(data.Length + eventName.Length + 40)
            .Append("id: ").Append(id.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("event: ").Append(eventName).Append('\n');
        // Only CR, LF and CRLF end a line in this format (not ReplaceLineEndings' NEL, LS, PS or FF, which JSON
        // strings may hold as they are).
        foreach (var line in data.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            text.Append("data: ").Append(line).Append('\n');
        }

        return text.Append('\n').ToString();
    }
}
