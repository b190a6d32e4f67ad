using System.Net;

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
}
