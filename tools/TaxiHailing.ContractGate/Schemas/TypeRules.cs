namespace TaxiHailing.ContractGate.Schemas;

/// <summary>
/// The JSON types a value may have: one removed narrows the schema (number to integer, string or number to string),
/// one added widens it, both at once change it. Every integer is a number, so number to integer only narrows.
/// </summary>
internal static class TypeRules
{
    private static readonly string[] Order = ["object", "array", "string", "number", "integer", "boolean"];

    public static void Check(SchemaComparison comparison, Schema before, Schema after, string path)
    {
        if (before.Types is null && after.Types is null) return;
        var removed = before.Types is null ? ["any type"] : before.Types.Where(t => !Allows(after.Types, t)).ToList();
        var added = after.Types is null ? ["any type"] : after.Types.Where(t => !Allows(before.Types, t)).ToList();
        var change = $"from {Describe(before.Types)} to {Describe(after.Types)}";
        if (removed.Count > 0 && added.Count > 0)
        {
            comparison.Report(path, "type-changed", Severity.Breaking, Severity.Breaking, $"type changed {change}");
        }
        else if (removed.Count > 0)
        {
            comparison.Report(path, "type-narrowed", Severity.Breaking, Severity.Info, $"type narrowed {change}");
        }
        else if (added.Count > 0)
        {
            comparison.Report(path, "type-widened", Severity.Info, Severity.Breaking, $"type widened {change}");
        }
    }

    public static string Describe(HashSet<string>? types) =>
        types is null ? "any type"
        : types.Count == 0 ? "nothing but null"
        : string.Join(" or ", types.OrderBy(t => Array.IndexOf(Order, t) is var i and >= 0 ? i : Order.Length).ThenBy(t => t, StringComparer.Ordinal));

    private static bool Allows(HashSet<string>? types, string type) =>
        types is null || types.Contains(type) || type == "integer" && types.Contains("number");
}
