using System.Net;
using System.Text.Json.Nodes;

namespace TaxiHailing.Drivers.Tests;

[Collection(DriversServiceCollection.Name)]
public sealed class OpenApiDocumentTests(DriversService drivers)
{
    [Fact]
    public async Task The_document_describes_the_offers_api_and_its_problems()
    {
        using var response = await drivers.Http.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync())["paths"]!.AsObject();
        var answer = paths["/v1/drivers/{id}/offers/{offerId}/answer"]!["post"]!;
        Assert.Equal("AnswerOffer", answer["operationId"]!.GetValue<string>());
        Assert.Equal(["200", "400", "401", "403", "404", "409", "413", "415"], answer["responses"]!.AsObject().Select(r => r.Key).Order());
        Assert.NotNull(answer["requestBody"]!["content"]!["application/json"]);
        Assert.Equal("""{"accept":true}""", answer["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString());
        Assert.NotNull(answer["security"]!.AsArray().Single()!["Bearer"]);
        Assert.NotNull(answer["responses"]!["401"]!["content"]!["application/problem+json"]);
        Assert.Equal("ListOffers", paths["/v1/drivers/{id}/offers"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("GetOffer", paths["/v1/drivers/{id}/offers/{offerId}"]!["get"]!["operationId"]!.GetValue<string>());
    }

    /// <summary>
    /// The build writes contracts/openapi/drivers.v1.json (and scripts/check-openapi-drift.sh holds it to the committed
    /// one): what the running service serves is that contract, plus in Development (as here) its Development-only endpoints.
    /// </summary>
    [Fact]
    public async Task The_served_document_is_the_contract_the_build_wrote()
    {
        using var response = await drivers.Http.GetAsync("/openapi/v1.json");
        var served = await response.ReadJsonAsync();
        var contract = JsonNode.Parse(await File.ReadAllTextAsync(ContractPath("drivers.v1.json")))!.AsObject();

        foreach (var part in new[] { "openapi", "info", "servers" }) AssertSame(contract[part], served[part], part);
        AssertSame(contract["components"]!["securitySchemes"], served["components"]!["securitySchemes"], "securitySchemes");
        foreach (var (path, operations) in contract["paths"]!.AsObject()) AssertSame(operations, served["paths"]![path], path);
        foreach (var (name, schema) in contract["components"]!["schemas"]!.AsObject()) AssertSame(schema, served["components"]!["schemas"]![name], name);
        var extra = served["paths"]!.AsObject().Select(path => path.Key).Except(contract["paths"]!.AsObject().Select(path => path.Key));
        Assert.All(extra, path => Assert.True(path.StartsWith("/dev/") || path.StartsWith("/admin/"), $"{path} is served but not in the contract"));
    }

    private static void AssertSame(JsonNode? expected, JsonNode? actual, string what) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{what} differs from the contract: {actual?.ToJsonString()}");

    private static string ContractPath(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var contract = Path.Combine(directory.FullName, "contracts", "openapi", file);
            if (File.Exists(contract)) return contract;
        }
        throw new FileNotFoundException($"contracts/openapi/{file} is not in any folder above {AppContext.BaseDirectory}.");
    }
}
