using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate;

/// <summary>The command line: exit code 0 when nothing breaks, 1 when something does, 2 for bad input.</summary>
internal static class GateCommand
{
    public const int Compatible = 0, Breaking = 1, BadInput = 2;

    public const string Usage = """
        Usage: dotnet run --project tools/TaxiHailing.ContractGate -- <command>

          check [<releasedDir> <currentDir>]   compares every releasedDir/openapi/*.json and releasedDir/asyncapi/*.json
                                               with the same-named file under currentDir (a released contract that is
                                               missing is breaking)                default: contracts/released contracts
          compare <released.json> <current.json>   compares one pair (OpenAPI 3.x or AsyncAPI 3.x, told by content)

        Prints one line per change (BREAKING, warning or info: location, explanation, rule id) and a summary.
        Exit code: 0 nothing breaks, 1 something breaks, 2 bad input (an unreadable or unsupported document).
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var changes = new ChangeLog();
            int compared;
            switch (args)
            {
                case [] or ["check"]:
                    compared = ContractSets.Compare("contracts/released", "contracts", changes, output);
                    break;
                case ["check", var releasedDir, var currentDir]:
                    compared = ContractSets.Compare(releasedDir, currentDir, changes, output);
                    break;
                case ["compare", var releasedFile, var currentFile]:
                    ContractSets.ComparePair(ContractDocument.Load(releasedFile), ContractDocument.Load(currentFile), changes);
                    compared = 1;
                    break;
                case ["-h" or "--help" or "help"]:
                    output.WriteLine(Usage);
                    return Compatible;
                default:
                    error.WriteLine($"contract gate: unexpected arguments '{string.Join(' ', args)}'.");
                    error.WriteLine(Usage);
                    return BadInput;
            }
            Print(changes, compared, output);
            return changes.HasBreaking ? Breaking : Compatible;
        }
        catch (BadContractException problem)
        {
            error.WriteLine($"contract gate: bad input: {problem.Message}");
            return BadInput;
        }
    }

    private static void Print(ChangeLog changes, int compared, TextWriter output)
    {
        foreach (var change in changes.All.OrderByDescending(c => c.Severity))
        {
            output.WriteLine(change);
        }
        output.WriteLine($"Contract gate: {changes.Count(Severity.Breaking)} breaking, {changes.Count(Severity.Warning)} warning(s), "
            + $"{changes.Count(Severity.Info)} additive across {compared} released contract(s): "
            + (changes.HasBreaking ? "FAILED, a released contract would break its clients." : "passed."));
    }
}
