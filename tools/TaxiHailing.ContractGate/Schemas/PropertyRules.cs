namespace TaxiHailing.ContractGate.Schemas;

/// <summary>
/// An object's properties and which are required, compared at every depth. A property removed from a request is
/// breaking too: the service used to honour it, and clients that still send it would now be ignored (or refused).
/// </summary>
internal static class PropertyRules
{
    public static void Check(SchemaComparison comparison, Schema before, Schema after, string path)
    {
        if (!before.AllowsObject || !after.AllowsObject) return;
        var names = before.Properties.Keys.Concat(before.Required).Concat(after.Properties.Keys).Concat(after.Required).Distinct(StringComparer.Ordinal);
        foreach (var name in names.ToList())
        {
            var property = SchemaComparison.Join(path, name);
            var (wasRequired, isRequired) = (before.Required.Contains(name), after.Required.Contains(name));
            var (existed, exists) = (wasRequired || before.Properties.ContainsKey(name), isRequired || after.Properties.ContainsKey(name));
            if (existed && !exists)
            {
                comparison.Report(property, "property-removed", Severity.Breaking, wasRequired ? Severity.Breaking : Severity.Warning,
                    wasRequired ? "removed (it was required)" : "removed");
                continue;
            }
            if (!existed)
            {
                if (isRequired)
                {
                    comparison.Report(property, "new-required-property", Severity.Breaking, Severity.Info, "added as required");
                }
                else
                {
                    comparison.Report(property, "new-optional-property", Severity.Info, Severity.Info, "added as optional");
                }
                continue;
            }
            if (wasRequired && !isRequired)
            {
                comparison.Report(property, "property-made-optional", Severity.Info, Severity.Breaking, "made optional (it was required)");
            }
            else if (!wasRequired && isRequired)
            {
                comparison.Report(property, "property-made-required", Severity.Breaking, Severity.Info, "made required");
            }
            comparison.Compare(before.Properties.GetValueOrDefault(name), after.Properties.GetValueOrDefault(name), property);
        }
    }
}
