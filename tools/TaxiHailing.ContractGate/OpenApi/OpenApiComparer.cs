using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate.OpenApi;

/// <summary>Paths and operations: one removed is breaking, one added is additive; each kept operation goes through the operation rules.</summary>
internal static class OpenApiComparer
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static void Compare(ContractDocument released, ContractDocument current, ChangeLog changes)
    {
        var releasedPaths = Paths(released);
        var currentPaths = Paths(current);
        foreach (var (shape, (template, item)) in releasedPaths)
        {
            if (!currentPaths.TryGetValue(shape, out var match))
            {
                changes.Add(Severity.Breaking, $"{released.Name} {template}", "path-removed",
                    $"path removed, with its operations {string.Join(", ", Operations(item).Select(o => o.ToUpperInvariant()))}");
                continue;
            }
            foreach (var method in Operations(item))
            {
                var location = $"{released.Name} {method.ToUpperInvariant()} {template}";
                if (match.Item[method] is not JsonObject operation)
                {
                    changes.Add(Severity.Breaking, location, "operation-removed", "operation removed");
                    continue;
                }
                var pair = new OperationPair(location, released, template, item, (JsonObject)item[method]!, current, match.Template, match.Item, operation);
                SecurityRules.Check(pair, changes);
                ParameterRules.Check(pair, changes);
                RequestBodyRules.Check(pair, changes);
                ResponseRules.Check(pair, changes);
            }
            foreach (var method in Operations(match.Item).Except(Operations(item)))
            {
                changes.Add(Severity.Info, $"{current.Name} {method.ToUpperInvariant()} {match.Template}", "operation-added", "operation added");
            }
        }
        foreach (var (template, _) in currentPaths.Where(p => !releasedPaths.ContainsKey(p.Key)).Select(p => p.Value))
        {
            changes.Add(Severity.Info, $"{current.Name} {template}", "path-added", "path added");
        }
    }

    private static Dictionary<string, (string Template, JsonObject Item)> Paths(ContractDocument document)
    {
        var paths = new Dictionary<string, (string, JsonObject)>(StringComparer.Ordinal);
        foreach (var (template, item) in document.Members(document.Root["paths"]))
        {
            if (!paths.TryAdd(OperationPair.Shape(template), (template, item)))
            {
                throw new BadContractException($"{document.Name}: the paths '{paths[OperationPair.Shape(template)].Item1}' and '{template}' are the same path.");
            }
        }
        return paths;
    }

    private static IEnumerable<string> Operations(JsonObject item) => Methods.Where(m => item[m] is JsonObject);
}
