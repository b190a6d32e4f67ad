using System.Text;

namespace TaxiHailing.Fuzz;

/// <summary>
/// At least <c>count</c> hostile requests for one operation: spoiled bodies, broken framing, oversized bodies, bad path
/// parameters, bad and oversized headers, junk methods; topped up with random corruptions of the valid request.
/// </summary>
internal static class Probes
{
    private const int OversizedContentLength = 28 * 1024 * 1024;
    private static readonly string[] BadPathValues =
        ["not-a-guid", "0", "-1", "%00", "%2e%2e%2f%2e%2e%2f", "%ZZ", "%c0%af", "%ed%a0%80", "%F0%9F%99%82", "null", "'%20OR%201=1--",
         "00000000-0000-0000-0000-000000000000", new string('a', 2_000), new string('a', 9_000)];
    private static readonly string[] JunkMethods = ["FOO", "PROPFIND", "TRACE", "TRACK", "PATCH", "DELETE", "OPTIONS", "HEAD", "post", "G\u0001T", new string('M', 300), "CONNECT"];

    /// <param name="authorization">The Authorization header of each request in turn (null: none).</param>
    public static List<Probe> For(Operation operation, Func<string?> authorization, int count, Random random)
    {
        var probes = new List<Probe>();
        var target = operation.Path();
        var sample = operation.SampleBody?.ToJsonString();
        byte[]? validBody = sample is null ? null : Encoding.UTF8.GetBytes(sample);
        var auth = new SignedHeaders(authorization, []);
        var json = new SignedHeaders(authorization, [("Content-Type", "application/json")]);

        Probe Plain(string kind, string method, string path, IEnumerable<(string, string)> headers, byte[]? body = null) =>
            new(kind, method, path, RawHttp.Request(method, path, headers, body));
        Probe Raw(string kind, string head, byte[] rest) =>
            new(kind, operation.Method, target, [.. Encoding.Latin1.GetBytes($"{operation.Method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{string.Join("", auth.Select(a => $"{a.Item1}: {a.Item2}\r\n"))}{head}\r\n"), .. rest]);

        if (operation.SampleBody is { } body)
        {
            foreach (var (kind, bytes, contentType) in BodyProbes.For(body))
            {
                probes.Add(Plain(kind, operation.Method, target, contentType.Length == 0 ? [.. auth] : [.. auth, ("Content-Type", contentType)], bytes));
            }

            var chunk = $"{validBody!.Length:x}\r\n{sample}\r\n0\r\n\r\n";
            probes.Add(Raw("framing", $"Content-Type: application/json\r\nContent-Length: {validBody.Length}\r\nTransfer-Encoding: chunked\r\n", Encoding.UTF8.GetBytes(chunk)));
            probes.Add(Raw("framing", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", Encoding.UTF8.GetBytes($"zz\r\n{sample}\r\n0\r\n\r\n")));
            probes.Add(Raw("framing", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", Encoding.UTF8.GetBytes($"ffffffffffffffffff\r\n{sample}\r\n0\r\n\r\n")));
            probes.Add(Raw("framing", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", Encoding.UTF8.GetBytes($"{validBody.Length:x}\r\n{sample}0\r\n\r\n")));
            probes.Add(Raw("framing", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", Encoding.UTF8.GetBytes($"{validBody.Length:x};ext=\"open\r\n{sample}\r\n0\r\n\r\n")));
            probes.Add(Raw("framing", $"Content-Type: application/json\r\nContent-Length: {validBody.Length + 50}\r\n", validBody));
            probes.Add(Raw("framing", "Content-Type: application/json\r\nContent-Length: 1e3\r\n", validBody));
            probes.Add(Raw("framing", "Content-Type: application/json\r\nContent-Length: -1\r\n", validBody));
            probes.Add(Raw("framing", $"Content-Type: application/json\r\nContent-Length: {validBody.Length}\r\nContent-Length: {validBody.Length + 1}\r\n", validBody));
            probes.Add(Raw("framing", "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n", validBody));
            probes.Add(Raw("oversize", $"Content-Type: application/json\r\nContent-Length: {OversizedContentLength}\r\n", Padding(64 * 1024)));
            probes.Add(Raw("oversize", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", Chunked(Padding(64 * 1024))));
            probes.Add(Raw("oversize", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", Chunked(Padding(1024 * 1024))));
            probes.Add(Plain("accept", operation.Method, target, [.. json, ("Accept", "application/xml")], Encoding.UTF8.GetBytes("{")));
            probes.Add(Plain("accept", operation.Method, target, [.. json, ("Accept", "text/html")], Encoding.UTF8.GetBytes("[]")));
        }

        foreach (var parameter in operation.PathParameters)
        {
            foreach (var value in BadPathValues) probes.Add(Plain("bad-path", operation.Method, operation.Path(parameter, value), json, validBody));
        }

        foreach (var method in JunkMethods) probes.Add(Plain("junk-method", method, target, json, validBody));
        probes.Add(new("junk-method", "GET", target, Encoding.Latin1.GetBytes($"GET {target} HTTP/9.9\r\nHost: localhost\r\n\r\n")));
        probes.Add(new("junk-method", "GET", target, Encoding.Latin1.GetBytes($"GET  {target}\r\n\r\n")));

        (string, string)[][] badHeaders =
        [
            [("X-Big", new string('h', 40_000))],
            [.. Enumerable.Range(0, 150).Select(i => ($"X-Many-{i}", "v"))],
            [("X-Control", "a\u0001b")],
            [("X-Nul", "a\u0000b")],
            [("Accept", "application/xml")],
            [("Accept", "text/html, */*;q=abc")],
            [("Idempotency-Key", " ")],
            [("Idempotency-Key", new string('k', 500))],
            [("Idempotency-Key", "key\u0007bell")],
            [("Prefer", "respond-async, " + new string('p', 5_000))],
            [("Authorization", "Bearer not-a-token")],
            [("Authorization", "Basic " + new string('=', 3_000))],
            [("Expect", "100-continue")],
            [("Content-Encoding", "gzip")],
            [("Host", "other.example")],
            [("Last-Event-ID", "-1")],
            [("Last-Event-ID", new string('9', 400))],
            [("traceparent", "00-zz-zz-zz")],
        ];
        foreach (var headers in badHeaders) probes.Add(Plain("bad-header", operation.Method, target, [.. json, .. headers], validBody));
        probes.Add(new("bad-header", operation.Method, target, Encoding.Latin1.GetBytes($"{operation.Method} {target} HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n")));
        probes.Add(new("bad-header", operation.Method, target, Encoding.Latin1.GetBytes($"{operation.Method} {target} HTTP/1.1\r\n\r\n")));
        foreach (var query in new[] { "?online=maybe", "?%00=1", "?a=" + new string('q', 5_000), "?online=true&online=false", "?" + string.Join("&", Enumerable.Range(0, 500).Select(i => $"p{i}=1")) })
        {
            probes.Add(Plain("bad-query", operation.Method, target + query, json, validBody));
        }

        while (probes.Count < count) probes.Add(Corrupted(operation, json, validBody, random));
        return probes;
    }

    // The valid request with a few random bytes of its body or its path replaced.
    private static Probe Corrupted(Operation operation, IEnumerable<(string, string)> headers, byte[]? body, Random random)
    {
        if (body is not null && random.Next(3) > 0)
        {
            var spoiled = body.ToArray();
            for (var i = random.Next(1, 4); i > 0; i--) spoiled[random.Next(spoiled.Length)] = (byte)random.Next(256);
            return new("random-body", operation.Method, operation.Path(), RawHttp.Request(operation.Method, operation.Path(), headers, spoiled));
        }

        var path = operation.Path().ToCharArray();
        for (var i = random.Next(1, 3); i > 0; i--) path[random.Next(1, path.Length)] = "%/.?#&=;:~!$'()*+,@ aZ09-_"[random.Next(26)];
        return new("random-path", operation.Method, new string(path), RawHttp.Request(operation.Method, new string(path), headers, body));
    }

    private static byte[] Padding(int size) => [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', .. Enumerable.Repeat((byte)'x', size)];

    private static byte[] Chunked(byte[] body)
    {
        var output = new MemoryStream();
        foreach (var piece in body.Chunk(8 * 1024))
        {
            output.Write(Encoding.ASCII.GetBytes($"{piece.Length:x}\r\n"));
            output.Write(piece);
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }
}

/// <summary>Headers that start with the Authorization of the moment: enumerated once per request built from them.</summary>
internal sealed class SignedHeaders(Func<string?> authorization, (string, string)[] rest) : IEnumerable<(string, string)>
{
    public IEnumerator<(string, string)> GetEnumerator()
    {
        if (authorization() is { } value) yield return ("Authorization", value);
        foreach (var header in rest) yield return header;
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
