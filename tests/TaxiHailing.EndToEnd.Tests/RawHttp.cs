using System.Net.Sockets;
using System.Text;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>What came back on a raw connection: the status line's code, the Content-Type, and the body.</summary>
internal sealed record RawResponse(int Status, string? ContentType, string Body)
{
    public System.Text.Json.Nodes.JsonObject Json() => System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();
}

/// <summary>
/// HTTP/1.1 over a plain socket, for requests HttpClient will not send: both Content-Length and chunked, a bad chunk,
/// a body that stops short of its Content-Length. Each asks for Connection: close, so the answer ends at EOF.
/// </summary>
internal static class RawHttp
{
    public static string Head(string method, string path, params string[] headers) =>
        $"{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n";

    public static async Task<RawResponse> SendAsync(Uri endpoint, string head, byte[] body, TimeSpan? timeout = null)
    {
        using var client = new TcpClient { NoDelay = true };
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        await client.ConnectAsync(endpoint.Host, endpoint.Port, deadline.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head), deadline.Token);
            await stream.WriteAsync(body, deadline.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything (413 on a body it will not take).
        }

        var received = new MemoryStream();
        await stream.CopyToAsync(received, deadline.Token);
        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    private static RawResponse Parse(string response)
    {
        var end = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"no HTTP response, got: '{response}'");
        var lines = response[..end].Split("\r\n");
        var header = (string name) => lines.Skip(1).Select(l => l.Split(':', 2)).FirstOrDefault(p => p[0].Equals(name, StringComparison.OrdinalIgnoreCase))?[1].Trim();
        var body = response[(end + 4)..];
        if (header("Transfer-Encoding") == "chunked") body = Unchunk(body);
        return new(int.Parse(lines[0].Split(' ')[1]), header("Content-Type")?.Split(';')[0], body);
    }

    private static string Unchunk(string chunked)
    {
        var body = new StringBuilder();
        for (var at = 0; ;)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0) return body.ToString();
            body.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
