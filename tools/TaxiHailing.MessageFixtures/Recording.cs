using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaxiHailing.Contracts;
using TaxiHailing.Messaging;

namespace TaxiHailing.MessageFixtures;

/// <summary>A message as it travelled: its channel, key, envelope headers and body (the JSON the real serializer wrote).</summary>
public sealed record Recording(string MessageType, string Topic, string Key, IReadOnlyDictionary<string, string> Headers, string Body, Type ClrType)
{
    private static readonly MessageCatalog Catalog = new();
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Guid MessageId => Guid.Parse(Headers[MessageHeaders.MessageId]);

    /// <summary>Records <paramref name="message"/> with the envelope the outbox and its relay give it.</summary>
    public static Recording Of<T>(T message, Channel channel, string key, Ids ids, string? correlationId = null, Guid? causationId = null, Channel? replyTo = null)
        where T : class, IMessage
    {
        var messageId = ids.Next();
        var headers = new Dictionary<string, string>
        {
            [MessageHeaders.MessageId] = messageId.ToString(),
            [MessageHeaders.MessageType] = T.MessageType,
            [MessageHeaders.ContentType] = MessageHeaders.Json,
            [MessageHeaders.CorrelationId] = correlationId ?? messageId.ToString(),
        };
        if (causationId is not null) headers[MessageHeaders.CausationId] = causationId.Value.ToString();
        if (replyTo is not null) headers[MessageHeaders.ReplyTo] = replyTo.Topic;
        headers[MessageHeaders.TraceParent] = ids.TraceParent();
        return new Recording(T.MessageType, channel.Topic, key, headers, System.Text.Encoding.UTF8.GetString(Catalog.Serialize(message)), typeof(T));
    }

    /// <summary>Another message with this envelope and <paramref name="body"/>: a message id of its own, and a trip of its own, if about one.</summary>
    public Recording WithBody(JsonObject body, Ids ids)
    {
        var key = Key;
        if (body.ContainsKey("tripId")) body["tripId"] = key = ids.Entity().ToString();
        var messageId = ids.Next().ToString();
        var headers = new Dictionary<string, string>(Headers) { [MessageHeaders.MessageId] = messageId };
        if (Headers[MessageHeaders.CorrelationId] == Headers[MessageHeaders.MessageId]) headers[MessageHeaders.CorrelationId] = messageId;
        return this with { Key = key, Body = body.ToJsonString(Relaxed), Headers = headers };
    }

    public JsonObject ToJson() => new()
    {
        ["topic"] = Topic,
        ["key"] = Key,
        ["headers"] = new JsonObject(Headers.Select(header => KeyValuePair.Create(header.Key, (JsonNode?)header.Value))),
        ["body"] = Body,
    };
}

/// <summary>Deterministic UUIDv7 message ids and W3C trace parents, so that recording again gives the same files.</summary>
public sealed class Ids(DateTimeOffset start, int seed)
{
    private readonly Random _random = new(seed);
    private DateTimeOffset _clock = start;

    public Guid Next()
    {
        _clock = _clock.AddMilliseconds(7);
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var milliseconds = _clock.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    public Guid Entity() => Next();

    public string TraceParent()
    {
        Span<byte> bytes = stackalloc byte[24];
        _random.NextBytes(bytes);
        return $"00-{Convert.ToHexStringLower(bytes[..16])}-{Convert.ToHexStringLower(bytes[16..])}-01";
    }
}
