namespace TaxiHailing.ContractGate.Documents;

/// <summary>A contract the gate cannot read or understand: bad input (exit code 2), not a breaking change.</summary>
internal sealed class BadContractException(string message) : Exception(message);
