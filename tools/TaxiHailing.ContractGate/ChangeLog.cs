namespace TaxiHailing.ContractGate;

/// <summary>The changes found so far, in the order the comparers found them.</summary>
internal sealed class ChangeLog
{
    private readonly List<Change> changes = [];

    public IReadOnlyList<Change> All => changes;

    public bool HasBreaking => changes.Any(c => c.Severity == Severity.Breaking);

    public int Count(Severity severity) => changes.Count(c => c.Severity == severity);

    public void Add(Severity severity, string location, string ruleId, string message) =>
        changes.Add(new Change(severity, location, ruleId, message));
}
