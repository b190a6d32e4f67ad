using System.Text;
using static TaxiHailing.EndToEnd.Tests.RawHttp;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>A hostile request as it goes on the wire, with the status and the field (if any) its problem must name.</summary>
internal sealed record HostileRequest(string Head, byte[] Body, int Status, string? Field);

/// <summary>The classes of hostile body every operation that takes one is sent, each built from the operation's valid body.</summary>
internal static class HostileBodies
{
    public static readonly string[] Classes =
    [
        "nul-in-string", "content-length-and-chunked", "bad-chunk-size", "short-body", "content-length-28-mib", "chunked-over-the-limit",
        "wrong-content-type", "accept-xml", "malformed-json",
    ];

    private const string Json = "Content-Type: application/json";

    public static HostileRequest For(string hostility, BodyTarget target)
    {
        var valid = Encoding.UTF8.GetBytes(target.Valid);
        string HeadWith(params string[] headers) => Head(target.Method, target.Path, [SignedIn(target), .. headers]);
        return hostility switch
        {
            "nul-in-string" => Plain(Encoding.UTF8.GetBytes(target.WithNul), 400, target.NulField),
            // Kestrel goes by Transfer-Encoding (RFC 9112 allows it) and finds the JSON is no chunk; by Content-Length it is valid.
            "content-length-and-chunked" => new(HeadWith(Json, $"Content-Length: {valid.Length}", "Transfer-Encoding: chunked"), valid, 400, null),
            "bad-chunk-size" => new(HeadWith(Json, "Transfer-Encoding: chunked"), [.. "zz\r\n"u8, .. valid, .. "\r\n0\r\n\r\n"u8], 400, null),
            // The connection stays open, so Kestrel waits for the rest until the body is too slow (its minimum data rate).
            "short-body" => new(HeadWith(Json, $"Content-Length: {valid.Length + 100}"), valid, 408, null),
            // Valid JSON padded with whitespace, so that only the size limit can refuse it; only its start is sent.
            "content-length-28-mib" => new(HeadWith(Json, $"Content-Length: {28 * 1024 * 1024}"), Padded(valid, 64 * 1024), 413, null),
            // Over the endpoint's 16 KiB but under the server's 64 KiB: refused only if routing applied the endpoint's limit.
            "chunked-over-the-limit" => new(HeadWith(Json, "Transfer-Encoding: chunked"), Chunked(Padded(valid, 20 * 1024)), 413, null),
            "wrong-content-type" => new(HeadWith("Content-Type: text/plain", $"Content-Length: {valid.Length}"), valid, 415, null),
            "accept-xml" => new(HeadWith(Json, "Accept: application/xml", "Content-Length: 1"), "{"u8.ToArray(), 400, "body"),
            "malformed-json" => Plain(valid[..(valid.Length / 2)], 400, "body"),
            _ => throw new ArgumentOutOfRangeException(nameof(hostility), hostility, null),
        };

        HostileRequest Plain(byte[] body, int status, string? field) => new(HeadWith(Json, $"Content-Length: {body.Length}"), body, status, field);
    }

    public static HostileRequest Valid(BodyTarget target)
    {
        var body = Encoding.UTF8.GetBytes(target.Valid);
        return new(Head(target.Method, target.Path, SignedIn(target), Json, $"Content-Length: {body.Length}"), body, 200, null);
    }

    // Signed in as whoever may send it: without a token every one of them would be a 401 before its body is read.
    private static string SignedIn(BodyTarget target) => $"Authorization: Bearer {target.Caller.Token}";

    private static byte[] Padded(byte[] json, int size) => [.. json, .. Enumerable.Repeat((byte)' ', size - json.Length)];

    private static byte[] Chunked(byte[] body) =>
        [.. body.Chunk(4096).SelectMany(piece => (byte[])[.. Encoding.ASCII.GetBytes($"{piece.Length:x}\r\n"), .. piece, .. "\r\n"u8]), .. "0\r\n\r\n"u8];
}
