using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>
/// Every committed OpenAPI contract (contracts/openapi/{service}.{version}.json, which the build writes) is what that
/// service serves at /openapi/{version}.json in the running system, plus its Development-only endpoints.
/// </summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class ServedContractTests(TaxiHailingApplication taxiHailing)
{
    public static TheoryData<string> Contracts() =>
        [.. Directory.GetFiles(ContractsFolder(), "*.json").Select(file => Path.GetFileName(file)).Order()];

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task A_service_serves_its_committed_contract(string file)
    {
        var (service, version) = (file.Split('.')[0], file.Split('.')[1]);
        var contract = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ContractsFolder(), file)))!.AsObject();
        using var http = taxiHailing.App.CreateHttpClient(service);

        var served = JsonNode.Parse(await http.GetStringAsync($"/openapi/{version}.json"))!.AsObject();

        foreach (var part in new[] { "openapi", "info", "servers" }) AssertSame(contract[part], served[part], part);
        foreach (var (path, operations) in contract["paths"]!.AsObject()) AssertSame(operations, served["paths"]![path], path);
        foreach (var (name, schema) in contract["components"]!["schemas"]!.AsObject()) AssertSame(schema, served["components"]!["schemas"]![name], name);
        var extra = served["paths"]!.AsObject().Select(path => path.Key).Except(contract["paths"]!.AsObject().Select(path => path.Key));
        Assert.All(extra, path => Assert.True(path.StartsWith("/dev/") || path.StartsWith("/admin/"), $"{service} serves {path}, which is not in {file}"));
    }

    private static void AssertSame(JsonNode? expected, JsonNode? actual, string what) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{what} differs from the contract: {actual?.ToJsonString()}");

    private static string ContractsFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var contracts = Path.Combine(directory.FullName, "contracts", "openapi");
            if (Directory.Exists(contracts)) return contracts;
        }
        throw new DirectoryNotFoundException($"contracts/openapi is not in any folder above {AppContext.BaseDirectory}.");
    }
}
