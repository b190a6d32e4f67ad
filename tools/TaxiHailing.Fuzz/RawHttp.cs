using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaxiHailing.Fuzz;

/// <summary>What came back for one raw request: the status (0 when none came) and enough of it to report.</summary>
internal sealed record RawAnswer(int Status, string? ContentType, long? ContentLength, string Excerpt)
{
    public bool IsProblemJson => ContentType?.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase) == true;

    public static RawAnswer None(string why) => new(0, null, null, why);
}

/// <summary>
/// HTTP/1.1 over a plain socket, so that requests can be malformed in ways HttpClient refuses to send (bad framing,
/// bad methods, control characters in headers). Every request asks for Connection: close, so an answer ends at EOF;
/// a streaming answer (server-sent events) is cut short once its head has arrived.
/// </summary>
internal static class RawHttp
{
    private static readonly TimeSpan AfterHead = TimeSpan.FromMilliseconds(300);

    public static byte[] Request(string method, string target, IEnumerable<(string Name, string Value)> headers, byte[]? body = null, bool contentLength = true)
    {
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (body is not null && contentLength) head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        head.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body ?? []];
    }

    public static async Task<RawAnswer> SendAsync(int port, byte[] request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new TcpClient { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var received = new MemoryStream();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
            var stream = client.GetStream();
            try
            {
                await stream.WriteAsync(request, deadline.Token);
            }
            catch (IOException)
            {
                // The server may answer (413, 400) and close before it has read all we send; its answer is still there.
            }

            await ReadAsync(stream, received, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (received.Length == 0) return RawAnswer.None("no answer within " + timeout.TotalSeconds + " s");
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            if (received.Length == 0) return RawAnswer.None("connection closed without an answer (" + exception.GetType().Name + ")");
        }

        return Parse(received.ToArray());
    }

    private static async Task ReadAsync(NetworkStream stream, MemoryStream received, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        DateTime? headAt = null;
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (headAt is { } at) wait.CancelAfter(at + AfterHead - DateTime.UtcNow is { TotalMilliseconds: > 0 } left ? left : TimeSpan.Zero);
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (read == 0 || received.Length > 64 * 1024) return;
            received.Write(buffer, 0, read);
            if (headAt is null && HeadEnd(received.GetBuffer().AsSpan(0, (int)received.Length)) >= 0) headAt = DateTime.UtcNow;
        }
    }

    private static int HeadEnd(ReadOnlySpan<byte> bytes) => bytes.IndexOf("\r\n\r\n"u8);

    private static RawAnswer Parse(byte[] bytes)
    {
        var end = HeadEnd(bytes);
        var head = Encoding.Latin1.GetString(bytes, 0, end < 0 ? bytes.Length : end);
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ') is [_, var code, ..] && int.TryParse(code, out var parsed) ? parsed : 0;
        string? Header(string name) => lines.Skip(1).Select(line => line.Split(':', 2)).FirstOrDefault(pair => pair.Length == 2 && pair[0].Equals(name, StringComparison.OrdinalIgnoreCase))?[1].Trim();
        var length = long.TryParse(Header("Content-Length"), out var declared) ? declared : (long?)null;
        var body = end < 0 ? "" : Encoding.UTF8.GetString(bytes, end + 4, Math.Min(bytes.Length - end - 4, 300));
        return status == 0 ? RawAnswer.None("not HTTP: " + head[..Math.Min(head.Length, 60)]) : new(status, Header("Content-Type"), length, (lines[0] + " " + body).ReplaceLineEndings(" "));
    }
}
