namespace TaxiHailing.ContractGate.Schemas;

/// <summary><c>additionalProperties</c>: forbidding unlisted properties refuses requests that carried them; a map's value schema is compared like a property.</summary>
internal static class AdditionalPropertyRules
{
    public static void Check(SchemaComparison comparison, Schema before, Schema after, string path)
    {
        if (!before.AllowsObject || !after.AllowsObject) return;
        if (!before.ForbidsAdditionalProperties && after.ForbidsAdditionalProperties)
        {
            comparison.Report(path, "additional-properties-forbidden", Severity.Breaking, Severity.Info, "no longer allows properties it does not list");
        }
        else if (before.ForbidsAdditionalProperties && !after.ForbidsAdditionalProperties)
        {
            comparison.Report(path, "additional-properties-allowed", Severity.Info, Severity.Warning, "now allows properties it does not list");
        }
        else if (before.AdditionalProperties is not null && after.AdditionalProperties is not null && !before.ForbidsAdditionalProperties)
        {
            comparison.Compare(before.AdditionalProperties, after.AdditionalProperties, SchemaComparison.Join(path, "*"));
        }
    }
}
