using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate.AsyncApi;

internal static class AsyncApiComparer
{
    public static void Compare(ContractDocument released, ContractDocument current, ChangeLog changes)
    {
        ChannelRules.Check(released, current, changes);
        OperationRules.Check(released, current, changes);
    }
}
