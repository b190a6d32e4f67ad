namespace TaxiHailing.ContractGate.Schemas;

/// <summary>
/// <c>pattern</c> and <c>format</c>: one added or changed may refuse values clients send (a changed pattern cannot be
/// proven wider); one removed or changed lets a response carry values an old reader's parser may not expect.
/// </summary>
internal static class StringRules
{
    private static readonly Dictionary<(string, string), bool> Widenings = new()
    {
        [("int32", "int64")] = true, [("float", "double")] = true, [("int64", "int32")] = false, [("double", "float")] = false,
    };

    public static void Check(SchemaComparison comparison, Schema before, Schema after, string path)
    {
        Pattern(comparison, before.Pattern, after.Pattern, path);
        Format(comparison, before.Format, after.Format, path);
    }

    private static void Pattern(SchemaComparison comparison, string? before, string? after, string path)
    {
        if (before == after) return;
        if (before is null)
        {
            comparison.Report(path, "pattern-added", Severity.Breaking, Severity.Info, $"pattern '{after}' added");
        }
        else if (after is null)
        {
            comparison.Report(path, "pattern-removed", Severity.Info, Severity.Warning, $"pattern '{before}' removed");
        }
        else
        {
            comparison.Report(path, "pattern-changed", Severity.Breaking, Severity.Warning, $"pattern changed from '{before}' to '{after}'");
        }
    }

    private static void Format(SchemaComparison comparison, string? before, string? after, string path)
    {
        if (before == after) return;
        if (before is null)
        {
            comparison.Report(path, "format-added", Severity.Breaking, Severity.Info, $"format '{after}' added");
        }
        else if (after is null)
        {
            comparison.Report(path, "format-removed", Severity.Info, Severity.Warning, $"format '{before}' removed");
        }
        else if (Widenings.TryGetValue((before, after), out var widened))
        {
            comparison.Report(path, widened ? "format-widened" : "format-narrowed", widened ? Severity.Info : Severity.Breaking,
                widened ? Severity.Breaking : Severity.Info, $"format {(widened ? "widened" : "narrowed")} from '{before}' to '{after}'");
        }
        else
        {
            comparison.Report(path, "format-changed", Severity.Breaking, Severity.Breaking, $"format changed from '{before}' to '{after}'");
        }
    }
}
