using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Dispatcher.Tests;

/// <summary>The dispatch view's OpenAPI document shows the ride product and the fare estimate the dispatch keeps.</summary>
[Collection(DispatcherServiceCollection.Name)]
public sealed class DispatchViewTests(DispatcherService dispatcher)
{
    [Fact]
    public async Task The_dispatch_view_documents_the_ride_product_and_the_fare_estimate()
    {
        using var http = dispatcher.ClientAs(Guid.NewGuid(), CallerRoles.Operator);

        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;

        var schemas = document["components"]!["schemas"]!;
        var history = schemas["DispatchHistory"]!["properties"]!;
        Assert.Contains("#/components/schemas/RideProduct", history["product"]!.ToJsonString());
        Assert.Contains("#/components/schemas/Fare", history["fareEstimate"]!.ToJsonString());
        Assert.Equal(["standard", "xl"], schemas["RideProduct"]!["enum"]!.AsArray().OfType<JsonNode>().Select(value => value.GetValue<string>()));
    }
}
