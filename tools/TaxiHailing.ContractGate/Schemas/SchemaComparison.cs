using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate.Schemas;

/// <summary>
/// Compares a released schema with its current version at one location (a request body, a response, a message payload),
/// recursing through properties and items, and reports each difference with the severity its <see cref="Direction"/> gives it.
/// </summary>
internal sealed class SchemaComparison(
    ContractDocument released, ContractDocument current, Direction direction, string location, string rulePrefix, ChangeLog changes,
    string noun = "property")
{
    private const int MaxDepth = 64;
    private readonly HashSet<(string, string)> inProgress = [];
    private int depth;

    public Direction Direction => direction;

    public void Compare(JsonNode? releasedNode, JsonNode? currentNode, string path = "")
    {
        var before = Schema.Of(released, releasedNode);
        var after = Schema.Of(current, currentNode);
        // A pair of named schemas already being compared further up is a cycle (a tree of stops, say): its rules already run there.
        var pair = (before.Reference ?? "", after.Reference ?? "");
        var named = before.Reference is not null && after.Reference is not null;
        if (depth >= MaxDepth || named && !inProgress.Add(pair)) return;
        depth++;
        try
        {
            NullabilityRules.Check(this, before, after, path);
            if (before.Branches.Count > 0 || after.Branches.Count > 0)
            {
                AlternativeRules.Check(this, releasedNode, before, currentNode, after, path);
                return;
            }
            TypeRules.Check(this, before, after, path);
            EnumRules.Check(this, before, after, path);
            LimitRules.Check(this, before, after, path);
            StringRules.Check(this, before, after, path);
            PropertyRules.Check(this, before, after, path);
            AdditionalPropertyRules.Check(this, before, after, path);
            ItemRules.Check(this, before, after, path);
        }
        finally
        {
            depth--;
            if (named) inProgress.Remove(pair);
        }
    }

    /// <summary>Records a change whose severity depends on who reads the values: for messages (both) the stricter one counts.</summary>
    public void Report(string path, string rule, Severity whenRequest, Severity whenResponse, string message)
    {
        var severity = direction switch
        {
            Direction.Request => whenRequest,
            Direction.Response => whenResponse,
            _ => (Severity)Math.Max((int)whenRequest, (int)whenResponse),
        };
        changes.Add(severity, location, $"{rulePrefix}-{rule}", Subject(path) + message);
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private string Subject(string path) =>
        path.Length == 0 ? "" : path.StartsWith('[') ? $"item '{path}' " : $"{noun} '{path}' ";
}
