namespace TaxiHailing.ContractGate.Schemas;

/// <summary>An array's items, compared like a property named <c>[]</c> (<c>stops[].location</c>).</summary>
internal static class ItemRules
{
    public static void Check(SchemaComparison comparison, Schema before, Schema after, string path)
    {
        if (!before.AllowsArray || !after.AllowsArray || before.Items is null && after.Items is null) return;
        comparison.Compare(before.Items, after.Items, path + "[]");
    }
}
