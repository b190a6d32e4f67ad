namespace TaxiHailing.ContractGate.Schemas;

/// <summary>null allowed where it was not (a client reading it may crash), or no longer allowed where it was (a client sending it is refused).</summary>
internal static class NullabilityRules
{
    public static void Check(SchemaComparison comparison, Schema before, Schema after, string path)
    {
        if (!before.AcceptsNull && after.AcceptsNull)
        {
            comparison.Report(path, "became-nullable", Severity.Info, Severity.Breaking, "may now be null");
        }
        else if (before.AcceptsNull && !after.AcceptsNull)
        {
            comparison.Report(path, "no-longer-nullable", Severity.Breaking, Severity.Info, "no longer accepts null");
        }
    }
}
