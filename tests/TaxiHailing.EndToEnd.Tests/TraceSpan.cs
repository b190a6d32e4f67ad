using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>OTLP's span kinds, as numbered in its JSON.</summary>
internal enum SpanKind { Internal = 1, Server = 2, Client = 3, Producer = 4, Consumer = 5 }

/// <summary>One span as the dashboard exports it, with the service.name of the resource that sent it.</summary>
internal sealed record TraceSpan(
    string Service, string Name, SpanKind Kind, string TraceId, string SpanId, string? ParentSpanId, IReadOnlyDictionary<string, string> Attributes)
{
    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);

    public override string ToString() => $"{Service} {Kind} '{Name}' {SpanId} (parent {ParentSpanId ?? "none"})";

    /// <summary>The spans of an OTLP JSON export: data.resourceSpans[].scopeSpans[].spans[].</summary>
    public static IReadOnlyList<TraceSpan> FromOtlpExport(JsonObject export) =>
    [
        .. from resource in export["data"]!["resourceSpans"]!.AsArray()
           let service = AttributesOf(resource!["resource"]!)["service.name"]
           from scope in resource["scopeSpans"]!.AsArray()
           from span in scope!["spans"]!.AsArray()
           select new TraceSpan(
               service,
               span!["name"]!.GetValue<string>(),
               (SpanKind)span["kind"]!.GetValue<int>(),
               span["traceId"]!.GetValue<string>(),
               span["spanId"]!.GetValue<string>(),
               span["parentSpanId"]?.GetValue<string>() is { Length: > 0 } parent ? parent : null,
               AttributesOf(span)),
    ];

    // Every value as its text: { "key": "k", "value": { "stringValue": "v" } } (or intValue, boolValue, ...).
    private static Dictionary<string, string> AttributesOf(JsonNode owner) =>
        (owner["attributes"]?.AsArray() ?? []).ToDictionary(
            attribute => attribute!["key"]!.GetValue<string>(),
            attribute => attribute!["value"]!.AsObject().Single().Value!.ToString());
}
