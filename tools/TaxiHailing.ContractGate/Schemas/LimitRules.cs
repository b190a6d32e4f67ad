namespace TaxiHailing.ContractGate.Schemas;

/// <summary>
/// Numeric bounds (maxLength, minimum, maxItems, ...): tighter refuses values clients send; looser lets a response carry
/// values a client sized for the old bound may not handle (a warning: few clients check).
/// </summary>
internal static class LimitRules
{
    public static void Check(SchemaComparison comparison, Schema before, Schema after, string path)
    {
        foreach (var bound in before.Limits.Keys.Union(after.Limits.Keys))
        {
            var upper = bound.StartsWith("max", StringComparison.Ordinal) || bound == "exclusiveMaximum";
            var had = before.Limits.TryGetValue(bound, out var was);
            var has = after.Limits.TryGetValue(bound, out var now);
            if (had && has && was == now) continue;
            var tighter = !had || has && (upper ? now < was : now > was);
            var change = !had ? $"{bound} {now} added" : !has ? $"{bound} {was} removed" : $"{bound} changed from {was} to {now}";
            if (tighter)
            {
                comparison.Report(path, $"{Kebab(bound)}-tightened", Severity.Breaking, Severity.Info, change);
            }
            else
            {
                comparison.Report(path, $"{Kebab(bound)}-loosened", Severity.Info, Severity.Warning, change);
            }
        }
    }

    private static string Kebab(string keyword) => string.Concat(keyword.Select(c => char.IsUpper(c) ? $"-{char.ToLowerInvariant(c)}" : $"{c}"));
}
