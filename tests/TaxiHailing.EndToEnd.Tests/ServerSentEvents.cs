using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;

namespace TaxiHailing.EndToEnd.Tests;

internal sealed record ServerSentEvent(string? Id, string Event, string Data);

/// <summary>A minimal text/event-stream reader, as a phone's EventSource reads a stream.</summary>
internal static class ServerSentEvents
{
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(
        HttpClient http, string path, string? lastEventId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? id = null, name = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0) yield return new ServerSentEvent(id, name ?? "message", data.ToString());
                (id, name) = (null, null);
                data.Clear();
                continue;
            }

            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
            }
        }
    }

    /// <summary>Reads events until one satisfies <paramref name="last"/> (included) or the stream ends.</summary>
    public static async Task<List<ServerSentEvent>> ReadUntilAsync(
        HttpClient http, string path, Func<ServerSentEvent, bool> last, string? lastEventId = null, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var events = new List<ServerSentEvent>();
        await foreach (var received in ReadAsync(http, path, lastEventId, deadline.Token))
        {
            events.Add(received);
            if (last(received)) break;
        }

        return events;
    }
}
