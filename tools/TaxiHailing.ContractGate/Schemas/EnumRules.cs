namespace TaxiHailing.ContractGate.Schemas;

/// <summary>
/// Enumerated values (and <c>const</c>): a value removed refuses what clients send; a value added surprises clients that
/// read it (an old client cannot know what the new ride product "xl" means), so in a response it breaks them.
/// </summary>
internal static class EnumRules
{
    public static void Check(SchemaComparison comparison, Schema before, Schema after, string path)
    {
        switch (before.Enum, after.Enum)
        {
            case (null, null):
                return;
            case (null, { } values):
                comparison.Report(path, "enum-added", Severity.Breaking, Severity.Info, $"now restricted to the values {List(values)}");
                return;
            case ({ } values, null):
                comparison.Report(path, "enum-removed", Severity.Info, Severity.Breaking, $"no longer restricted to the values {List(values)}");
                return;
        }
        var removed = before.Enum.Except(after.Enum).ToList();
        var added = after.Enum.Except(before.Enum).ToList();
        if (removed.Count > 0)
        {
            comparison.Report(path, "enum-value-removed", Severity.Breaking, Severity.Info, $"enum value{Plural(removed)} {List(removed)} removed");
        }
        if (added.Count > 0)
        {
            comparison.Report(path, "enum-value-added", Severity.Info, Severity.Breaking,
                $"enum value{Plural(added)} {List(added)} added" + (comparison.Direction.HasFlag(Direction.Response) ? ": readers of the released contract may not know it" : ""));
        }
    }

    private static string Plural(List<string> values) => values.Count == 1 ? "" : "s";

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => v.StartsWith('"') ? $"'{v[1..^1]}'" : v));
}
