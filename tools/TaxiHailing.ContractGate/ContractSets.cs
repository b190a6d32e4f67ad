using TaxiHailing.ContractGate.AsyncApi;
using TaxiHailing.ContractGate.Documents;
using TaxiHailing.ContractGate.OpenApi;

namespace TaxiHailing.ContractGate;

/// <summary>
/// A directory of released contracts against the current ones (<c>openapi/*.json</c> and <c>asyncapi/*.json</c>, same file
/// names): a released contract missing from the current set is breaking, a new one is additive.
/// </summary>
internal static class ContractSets
{
    private static readonly (string Folder, ContractKind Kind)[] Folders = [("openapi", ContractKind.OpenApi), ("asyncapi", ContractKind.AsyncApi)];

    /// <returns>How many released contracts there were.</returns>
    public static int Compare(string releasedDir, string currentDir, ChangeLog changes, TextWriter output)
    {
        if (!Directory.Exists(releasedDir)) throw new BadContractException($"the released contracts directory '{releasedDir}' does not exist.");
        if (!Directory.Exists(currentDir)) throw new BadContractException($"the current contracts directory '{currentDir}' does not exist.");
        var compared = 0;
        foreach (var (folder, kind) in Folders)
        {
            var released = Files(Path.Combine(releasedDir, folder));
            var current = Files(Path.Combine(currentDir, folder));
            foreach (var name in released)
            {
                compared++;
                var currentPath = Path.Combine(currentDir, folder, name);
                if (!current.Contains(name))
                {
                    changes.Add(Severity.Breaking, $"{folder}/{name}", "contract-removed", $"released contract missing from '{Path.Combine(currentDir, folder)}'");
                    continue;
                }
                ComparePair(Load(Path.Combine(releasedDir, folder, name), kind), Load(currentPath, kind), changes);
            }
            foreach (var name in current.Except(released))
            {
                changes.Add(Severity.Info, $"{folder}/{name}", "contract-added", "new contract (not released yet)");
            }
        }
        if (compared == 0) output.WriteLine($"No released contracts under '{releasedDir}' (openapi/*.json, asyncapi/*.json): nothing to compare against.");
        return compared;
    }

    public static void ComparePair(ContractDocument released, ContractDocument current, ChangeLog changes)
    {
        if (released.Kind != current.Kind)
        {
            throw new BadContractException($"'{released.Name}' is {released.Kind} but '{current.Name}' is {current.Kind}; compare like with like.");
        }
        if (released.Kind == ContractKind.OpenApi)
        {
            OpenApiComparer.Compare(released, current, changes);
        }
        else
        {
            AsyncApiComparer.Compare(released, current, changes);
        }
    }

    private static ContractDocument Load(string path, ContractKind expected)
    {
        var document = ContractDocument.Load(path);
        return document.Kind == expected ? document : throw new BadContractException($"'{path}' is an {document.Kind} document, not {expected}.");
    }

    private static List<string> Files(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)] : [];
}
