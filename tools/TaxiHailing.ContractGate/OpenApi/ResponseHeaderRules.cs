using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;
using TaxiHailing.ContractGate.Schemas;

namespace TaxiHailing.ContractGate.OpenApi;

/// <summary>A success response's headers (a 201's Location, say): one that was always sent and no longer is breaks the clients that read it.</summary>
internal static class ResponseHeaderRules
{
    public static void Check(OperationPair operation, JsonNode? released, JsonNode? current, string location, ChangeLog changes)
    {
        var before = operation.Released.ByName(released, StringComparer.OrdinalIgnoreCase);
        var after = operation.Current.ByName(current, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, header) in before)
        {
            var where = $"{location} header '{name}'";
            var required = header["required"].IsTrue();
            if (!after.TryGetValue(name, out var match))
            {
                changes.Add(required ? Severity.Breaking : Severity.Warning, where, "response-header-removed", required ? "removed (it was required)" : "removed");
                continue;
            }
            if (required && !match["required"].IsTrue())
            {
                changes.Add(Severity.Breaking, where, "response-header-made-optional", "made optional (it was required)");
            }
            new SchemaComparison(operation.Released, operation.Current, Direction.Response, where, "response-header", changes).Compare(header["schema"], match["schema"]);
        }
        foreach (var name in after.Keys.Where(n => !before.ContainsKey(n)))
        {
            changes.Add(Severity.Info, $"{location} header '{name}'", "response-header-added", "added");
        }
    }
}
