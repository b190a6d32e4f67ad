using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate.OpenApi;

/// <summary>
/// An operation's security requirements (its own, else the document's): a list of alternatives, each a set of schemes
/// with scopes. A caller that met a released alternative must still meet a current one, or its calls are refused.
/// </summary>
internal static class SecurityRules
{
    private sealed record Requirement(Dictionary<string, HashSet<string>> Schemes)
    {
        public bool MetBy(Requirement caller) =>
            Schemes.All(s => caller.Schemes.TryGetValue(s.Key, out var scopes) && s.Value.IsSubsetOf(scopes));

        public override string ToString() => Schemes.Count == 0 ? "no authentication"
            : string.Join(" and ", Schemes.Select(s => s.Value.Count == 0 ? s.Key : $"{s.Key} [{string.Join(", ", s.Value.Order())}]"));
    }

    public static void Check(OperationPair operation, ChangeLog changes)
    {
        var before = Requirements(operation.Released, operation.ReleasedOperation);
        var after = Requirements(operation.Current, operation.CurrentOperation);
        var refused = before.Where(caller => !after.Any(requirement => requirement.MetBy(caller))).ToList();
        if (refused.Count > 0)
        {
            changes.Add(Severity.Breaking, operation.Location, "security-tightened",
                $"callers with {string.Join(" or ", refused)} are refused now that it requires {string.Join(" or ", after)}");
        }
        else if (!after.All(requirement => before.Any(caller => requirement.MetBy(caller) && caller.MetBy(requirement))))
        {
            changes.Add(Severity.Info, operation.Location, "security-loosened", $"now also accepts {string.Join(" or ", after)}");
        }
    }

    private static List<Requirement> Requirements(ContractDocument document, JsonObject operation)
    {
        var alternatives = (operation["security"] ?? document.Root["security"]) as JsonArray;
        if (alternatives is null || alternatives.Count == 0) return [new Requirement([])];
        return [.. alternatives.OfType<JsonObject>().Select(alternative => new Requirement(alternative.ToDictionary(
            scheme => scheme.Key, scheme => (scheme.Value as JsonArray ?? []).Select(s => s.Text()).OfType<string>().ToHashSet())))];
    }
}
