using System.Net;
using System.Text.Json.Nodes;
using TaxiHailing.Messaging.AsyncApi;

namespace TaxiHailing.Drivers.Tests;

[Collection(DriversServiceCollection.Name)]
public sealed class AsyncApiDocumentTests(DriversService drivers)
{
    [Fact]
    public async Task The_service_serves_its_own_view_of_the_messaging_contract_to_anyone()
    {
        using var http = drivers.Anonymous();
        using var response = await http.GetAsync("/asyncapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var declaration = MessagingDeclaration.Of(DriversMessaging.Service, DriversMessaging.Declare);
        Assert.Equal(AsyncApiJson.Write(AsyncApiDocument.ForService(declaration)), body);

        var document = JsonNode.Parse(body)!;
        Assert.Equal("3.0.0", document["asyncapi"]!.GetValue<string>());
        var operations = document["operations"]!.AsObject();
        Assert.All(operations, operation => Assert.Equal("drivers", operation.Value!["x-service"]!.GetValue<string>()));
        Assert.Contains("drivers.send.taxi.dispatch.replies", operations.Select(operation => operation.Key));
        Assert.Equal("$message.header#/reply-to",
            operations["drivers.receive.dispatch.trip-offered.v1"]!["reply"]!["address"]!["location"]!.GetValue<string>());
        Assert.Equal(declaration.Subscribes.Count, operations.Count(operation => operation.Key.StartsWith("drivers.receive.", StringComparison.Ordinal)));
    }
}
