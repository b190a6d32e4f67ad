using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

public sealed class PathRuleTests
{
    [Fact]
    public void A_path_removed_is_breaking()
    {
        var released = Api.Document();
        var current = Gate.Edit(released, d => d["paths"]!.AsObject().Remove("/v1/trips/{id}"));

        var change = Gate.Compare(released, current).Breaking("path-removed");

        Assert.Equal("BREAKING trips.v1.json /v1/trips/{id}: path removed, with its operations GET (path-removed)", change.ToString());
    }

    [Fact]
    public void An_operation_removed_is_breaking()
    {
        var released = Gate.Edit(Api.Document(), d => d["paths"]!["/v1/trips/{id}"]!["delete"] = JsonNode.Parse("""{ "responses": { "204": { "description": "No Content" } } }"""));

        Assert.Equal("trips.v1.json DELETE /v1/trips/{id}", Gate.Compare(released, Api.Document()).Breaking("operation-removed").Location);
    }

    [Fact]
    public void A_new_path_or_operation_is_additive()
    {
        var released = Api.Document();
        var newPath = Gate.Edit(released, d => d["paths"]!["/v1/fares"] = JsonNode.Parse("""{ "get": { "responses": { "200": { "description": "OK" } } } }"""));
        var newOperation = Gate.Edit(released, d => d["paths"]!["/v1/trips/{id}"]!["delete"] = JsonNode.Parse("""{ "responses": { "204": { "description": "No Content" } } }"""));

        Assert.Equal("trips.v1.json /v1/fares", Gate.Compare(released, newPath).Additive("path-added").Location);
        Gate.Compare(released, newOperation).Additive("operation-added");
    }
}
