using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;
using TaxiHailing.ContractGate.Schemas;

namespace TaxiHailing.ContractGate.OpenApi;

/// <summary>
/// Path, query, header and cookie parameters (the path item's and the operation's). A new required parameter, or one
/// made required, refuses calls that worked. A parameter removed is breaking as well, optional or not: the service
/// used to honour it, so clients that still send it would silently get different answers (or a refusal).
/// </summary>
internal static class ParameterRules
{
    private sealed record Parameter(string In, string Name, bool Required, JsonNode? Schema);

    public static void Check(OperationPair operation, ChangeLog changes)
    {
        var released = Parameters(operation.Released, operation.ReleasedPath, operation.ReleasedOperation, operation.CurrentPathParameterName);
        var current = Parameters(operation.Current, operation.CurrentPath, operation.CurrentOperation, name => name);
        foreach (var (key, before) in released)
        {
            var location = $"{operation.Location} {before.In} parameter '{before.Name}'";
            if (!current.TryGetValue(key, out var after))
            {
                changes.Add(Severity.Breaking, location, "parameter-removed",
                    "removed: the service used to honour it, so clients that still send it would now be ignored or refused");
                continue;
            }
            if (!before.Required && after.Required)
            {
                changes.Add(Severity.Breaking, location, "parameter-made-required", "made required");
            }
            else if (before.Required && !after.Required)
            {
                changes.Add(Severity.Info, location, "parameter-made-optional", "made optional");
            }
            new SchemaComparison(operation.Released, operation.Current, Direction.Request, location, "parameter", changes).Compare(before.Schema, after.Schema);
        }
        foreach (var (_, added) in current.Where(p => !released.ContainsKey(p.Key)))
        {
            var location = $"{operation.Location} {added.In} parameter '{added.Name}'";
            if (added.Required)
            {
                changes.Add(Severity.Breaking, location, "new-required-parameter", "added as required");
            }
            else
            {
                changes.Add(Severity.Info, location, "new-optional-parameter", "added as optional");
            }
        }
    }

    /// <summary>The operation's parameters over its path item's, keyed by where they go and their name (header names ignore case).</summary>
    private static Dictionary<string, Parameter> Parameters(ContractDocument document, JsonObject path, JsonObject operation, Func<string, string> pathName)
    {
        var parameters = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        foreach (var node in (path["parameters"] as JsonArray ?? []).Concat(operation["parameters"] as JsonArray ?? []))
        {
            if (document.ResolveNode(node) is not JsonObject parameter || parameter["in"].Text() is not { } where || parameter["name"].Text() is not { } name) continue;
            var key = where switch { "header" => $"header:{name.ToLowerInvariant()}", "path" => $"path:{pathName(name)}", _ => $"{where}:{name}" };
            var schema = parameter["schema"] ?? (parameter["content"] as JsonObject)?.FirstOrDefault().Value?["schema"];
            parameters[key] = new Parameter(where, name, where == "path" || parameter["required"].IsTrue(), schema);
        }
        return parameters;
    }
}
