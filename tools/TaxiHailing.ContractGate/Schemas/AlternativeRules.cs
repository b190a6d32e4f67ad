using System.Text.Json.Nodes;

namespace TaxiHailing.ContractGate.Schemas;

/// <summary>
/// <c>anyOf</c>/<c>oneOf</c> with several non-null alternatives, matched by the schema each names (or by position):
/// an alternative removed refuses what clients send, one added reaches readers that do not know it.
/// A schema without alternatives counts as its only one.
/// </summary>
internal static class AlternativeRules
{
    public static void Check(SchemaComparison comparison, JsonNode? releasedNode, Schema before, JsonNode? currentNode, Schema after, string path)
    {
        var released = Alternatives(releasedNode, before);
        var current = Alternatives(currentNode, after);
        foreach (var (name, node) in released)
        {
            if (current.TryGetValue(name, out var match))
            {
                comparison.Compare(node, match, path);
            }
            else
            {
                comparison.Report(path, "alternative-removed", Severity.Breaking, Severity.Info, $"alternative '{name}' removed");
            }
        }
        foreach (var name in current.Keys.Except(released.Keys))
        {
            comparison.Report(path, "alternative-added", Severity.Info, Severity.Breaking, $"alternative '{name}' added");
        }
    }

    private static Dictionary<string, JsonNode?> Alternatives(JsonNode? node, Schema schema)
    {
        if (schema.Branches.Count == 0) return new() { [Name(schema.Reference, 0)] = node };
        var alternatives = new Dictionary<string, JsonNode?>();
        foreach (var (branch, index) in schema.Branches.Select((b, i) => (b, i)))
        {
            var reference = (branch as JsonObject)?["$ref"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            alternatives.TryAdd(Name(reference, index), branch);
        }
        return alternatives;
    }

    private static string Name(string? reference, int index) =>
        reference is not null ? reference[(reference.LastIndexOf('/') + 1)..] : $"#{index + 1}";
}
