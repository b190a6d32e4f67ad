using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

/// <summary>The gate run as CI runs it, as a process whose exit code decides the build.</summary>
public sealed class GateProcessTests : IDisposable
{
    private readonly ContractWorkspace contracts = new();

    [Fact]
    public async Task Identical_contracts_exit_0()
    {
        var (exitCode, output, error) = await Tool.GateAsync("check", contracts.Released, contracts.Current);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("passed.", output);
    }

    [Fact]
    public async Task A_breaking_change_exits_1_with_a_line_naming_it()
    {
        contracts.Edit(contracts.Messages, d =>
        {
            d["components"]!["schemas"]!["TripCancelled"]!["properties"]!.AsObject().Remove("cancelledAt");
            d["components"]!["schemas"]!["TripCancelled"]!["required"] = new JsonArray("tripId");
        });

        var (exitCode, output, _) = await Tool.GateAsync("check", contracts.Released, contracts.Current);

        Assert.Equal(1, exitCode);
        Assert.Contains("BREAKING taxihailing.json channel 'tripEvents' message 'tripCancelled' payload: property 'cancelledAt' removed (it was required) (message-property-removed)", output);
        Assert.Contains("FAILED", output);
    }

    [Fact]
    public async Task Compare_of_one_pair_and_bad_input_exit_1_and_2()
    {
        var released = Path.Combine(contracts.Released, "openapi", "trips.v1.json");
        contracts.Edit(contracts.Trips, d => d["paths"]!["/v1/trips"]!["post"]!["responses"]!.AsObject().Remove("201"));

        var (breaking, output, _) = await Tool.GateAsync("compare", released, contracts.Trips);
        var (missing, _, error) = await Tool.GateAsync("compare", released, Path.Combine(contracts.Root, "nowhere.json"));

        Assert.Equal(1, breaking);
        Assert.Contains("BREAKING trips.v1.json POST /v1/trips response 201: success response removed", output);
        Assert.Equal(2, missing);
        Assert.Contains("contract gate: bad input: cannot read", error);
    }

    [Fact]
    public async Task The_ci_script_passes_without_a_baseline_and_fails_on_a_breaking_change()
    {
        var (noBaseline, note, _) = await Tool.ScriptAsync(Path.Combine(contracts.Root, "no-such-released"), contracts.Current);
        contracts.Edit(contracts.Trips, d => d["paths"]!.AsObject().Remove("/v1/trips/{id}"));
        var (breaking, output, error) = await Tool.ScriptAsync(contracts.Released, contracts.Current);

        Assert.Equal(0, noBaseline);
        Assert.Contains("nothing to compare against", note);
        Assert.True(breaking == 1, output + error);
        Assert.Contains("BREAKING trips.v1.json /v1/trips/{id}: path removed, with its operations GET (path-removed)", output);
    }

    public void Dispose() => contracts.Dispose();
}
