using System.Text.Json.Nodes;

namespace TaxiHailing.ContractGate.Documents;

/// <summary>Tolerant reads of optional document fields: a field of the wrong kind reads as absent.</summary>
internal static class JsonRead
{
    public static string? Text(this JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool IsTrue(this JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>The members of an object field, each with its <c>$ref</c> resolved; none when the field is absent.</summary>
    public static List<(string Name, JsonObject Value)> Members(this ContractDocument document, JsonNode? node) =>
        [.. (node as JsonObject ?? []).Select(m => (m.Key, document.ResolveNode(m.Value) as JsonObject)).Where(m => m.Item2 is not null).Select(m => (m.Key, m.Item2!))];

    /// <summary>The members of an object field by name (resolved as <see cref="Members"/>), the first of names that differ only in case.</summary>
    public static Dictionary<string, JsonObject> ByName(this ContractDocument document, JsonNode? node, StringComparer comparer)
    {
        var byName = new Dictionary<string, JsonObject>(comparer);
        foreach (var (name, value) in document.Members(node))
        {
            byName.TryAdd(name, value);
        }
        return byName;
    }
}
