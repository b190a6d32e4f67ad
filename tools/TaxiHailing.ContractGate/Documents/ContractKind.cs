namespace TaxiHailing.ContractGate.Documents;

internal enum ContractKind
{
    OpenApi,
    AsyncApi,
}
