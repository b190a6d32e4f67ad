namespace TaxiHailing.ContractGate;

/// <summary>How a change affects the clients and consumers of the released contract.</summary>
internal enum Severity
{
    /// <summary>Additive: nothing that worked against the released contract stops working.</summary>
    Info,

    /// <summary>Strictly compatible, but a careful client may notice (for example a looser response constraint).</summary>
    Warning,

    /// <summary>Something that worked against the released contract can stop working: the gate fails.</summary>
    Breaking,
}

/// <summary>One difference between a released contract and the current one.</summary>
/// <param name="Location">Where, e.g. <c>trips.v1.json POST /v1/trips request body</c>.</param>
/// <param name="RuleId">The rule that found it, e.g. <c>request-type-narrowed</c>.</param>
/// <param name="Message">What changed and, where it is not obvious, why it matters.</param>
internal sealed record Change(Severity Severity, string Location, string RuleId, string Message)
{
    public override string ToString() => $"{Label,-8} {Location}: {Message} ({RuleId})";

    private string Label => Severity switch
    {
        Severity.Breaking => "BREAKING",
        Severity.Warning => "warning",
        _ => "info",
    };
}
