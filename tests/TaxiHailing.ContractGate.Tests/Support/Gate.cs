using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate.Tests.Support;

/// <summary>Runs the gate's comparers on two inline documents and picks out what they found.</summary>
internal static class Gate
{
    public static ChangeLog Compare(string released, string current, string name = "trips.v1.json")
    {
        var changes = new ChangeLog();
        ContractSets.ComparePair(ContractDocument.Parse(name, released), ContractDocument.Parse(name, current), changes);
        return changes;
    }

    /// <summary>The document with one edit made to it, as JSON text.</summary>
    public static string Edit(string document, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    /// <summary>The one breaking change the rule found.</summary>
    public static Change Breaking(this ChangeLog changes, string rule)
    {
        Assert.True(changes.HasBreaking, $"Expected a breaking '{rule}', found:\n{Describe(changes)}");
        return Assert.Single(changes.All, c => c.RuleId == rule && c.Severity == Severity.Breaking);
    }

    /// <summary>The rule found the change, and nothing found is breaking (or a warning).</summary>
    public static Change Additive(this ChangeLog changes, string rule)
    {
        Assert.True(changes.All.All(c => c.Severity == Severity.Info), $"Expected only additive changes, found:\n{Describe(changes)}");
        return Assert.Single(changes.All, c => c.RuleId == rule);
    }

    public static Change Warning(this ChangeLog changes, string rule)
    {
        Assert.False(changes.HasBreaking, $"Expected no breaking change, found:\n{Describe(changes)}");
        return Assert.Single(changes.All, c => c.RuleId == rule && c.Severity == Severity.Warning);
    }

    public static void Nothing(this ChangeLog changes) => Assert.True(changes.All.Count == 0, $"Expected no change, found:\n{Describe(changes)}");

    private static string Describe(ChangeLog changes) => changes.All.Count == 0 ? "(nothing)" : string.Join('\n', changes.All);
}
