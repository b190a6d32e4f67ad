using System.Text.Json.Nodes;

namespace TaxiHailing.ContractGate.Tests.Support;

/// <summary>
/// A temporary contracts directory laid out as the repository's (<c>openapi/</c>, <c>asyncapi/</c>, and the baseline under
/// <c>released/</c>), both sides starting as copies of the test fixtures: a trips OpenAPI document and the system AsyncAPI document.
/// </summary>
internal sealed class ContractWorkspace : IDisposable
{
    public ContractWorkspace() : this(Path.Combine(AppContext.BaseDirectory, "Fixtures"))
    {
    }

    /// <summary>Both sides copies of the contracts in <paramref name="contracts"/> (its openapi/ and asyncapi/).</summary>
    public ContractWorkspace(string contracts)
    {
        Root = Directory.CreateTempSubdirectory("contract-gate-").FullName;
        foreach (var kind in new[] { "openapi", "asyncapi" })
        {
            Copy(Path.Combine(contracts, kind), Path.Combine(Current, kind));
            Copy(Path.Combine(contracts, kind), Path.Combine(Released, kind));
        }
    }

    /// <summary>The repository's own current contracts, as if they had just been released.</summary>
    public static ContractWorkspace OfRepository() => new(Path.Combine(Tool.RepositoryRoot(), "contracts"));

    public string Root { get; }

    public string Current => Root;

    public string Released => Path.Combine(Root, "released");

    public string Trips => Path.Combine(Current, "openapi", "trips.v1.json");

    public string Messages => Path.Combine(Current, "asyncapi", "taxihailing.json");

    /// <summary>Edits the current version of a contract.</summary>
    public void Edit(string path, Action<JsonObject> edit)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(document);
        File.WriteAllText(path, document.ToJsonString(new() { WriteIndented = true }));
    }

    public (int ExitCode, string Output, string Error) Check()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = GateCommand.Run(["check", Released, Current], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
