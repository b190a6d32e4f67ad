namespace TaxiHailing.ContractGate.Tests;

/// <summary>
/// The gate itself, on the repository's contracts: the current ones must not break the released baseline. Until the
/// first baseline is released (contracts/released) there is nothing to compare against and it passes.
/// </summary>
public sealed class RepositoryContractTests
{
    [Fact]
    public void The_current_contracts_do_not_break_the_released_ones()
    {
        var contracts = Path.Combine(Support.Tool.RepositoryRoot(), "contracts");
        var released = Path.Combine(contracts, "released");
        if (!Directory.Exists(released)) return;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = GateCommand.Run(["check", released, contracts], output, error);

        Assert.True(exitCode == 0, $"The breaking-change gate failed (exit code {exitCode}):\n{output}{error}");
    }
}
