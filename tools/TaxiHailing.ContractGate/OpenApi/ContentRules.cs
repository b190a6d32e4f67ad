using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;
using TaxiHailing.ContractGate.Schemas;

namespace TaxiHailing.ContractGate.OpenApi;

/// <summary>A body's content types: one removed is breaking, one added is additive, each kept one's schema is compared.</summary>
internal static class ContentRules
{
    public static void Check(OperationPair operation, JsonNode? released, JsonNode? current, string location, Direction direction, string prefix, ChangeLog changes)
    {
        var before = operation.Released.ByName(released, StringComparer.OrdinalIgnoreCase);
        var after = operation.Current.ByName(current, StringComparer.OrdinalIgnoreCase);
        foreach (var (type, media) in before)
        {
            if (!after.TryGetValue(type, out var match))
            {
                changes.Add(Severity.Breaking, location, $"{prefix}-content-type-removed", $"content type '{type}' removed");
                continue;
            }
            var where = before.Count > 1 ? $"{location} ({type})" : location;
            new SchemaComparison(operation.Released, operation.Current, direction, where, prefix, changes).Compare(media["schema"], match["schema"]);
        }
        foreach (var type in after.Keys.Where(t => !before.ContainsKey(t)))
        {
            changes.Add(Severity.Info, location, $"{prefix}-content-type-added", $"content type '{type}' added");
        }
    }
}
