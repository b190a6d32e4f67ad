using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

public sealed class SecurityRuleTests
{
    [Fact]
    public void Requiring_authentication_where_none_was_is_breaking()
    {
        var released = Api.Document();
        var current = Secured(released, """[ { "Bearer": [] } ]""");

        var change = Gate.Compare(released, current).Breaking("security-tightened");

        Assert.Equal("trips.v1.json POST /v1/trips", change.Location);
        Assert.Equal("callers with no authentication are refused now that it requires Bearer", change.Message);
        Gate.Compare(current, released).Additive("security-loosened");
    }

    [Fact]
    public void Requiring_a_scope_more_is_breaking_and_accepting_another_scheme_too_is_additive()
    {
        var bearer = Secured(Api.Document(), """[ { "Bearer": [] } ]""");
        var scoped = Secured(Api.Document(), """[ { "Bearer": ["trips:write"] } ]""");
        var either = Secured(Api.Document(), """[ { "Bearer": [] }, { "ApiKey": [] } ]""");

        Gate.Compare(bearer, scoped).Breaking("security-tightened");
        Gate.Compare(bearer, either).Additive("security-loosened");
        Gate.Compare(either, bearer).Breaking("security-tightened");
    }

    [Fact]
    public void The_document_security_applies_where_an_operation_has_none()
    {
        var operationLevel = Secured(Api.Document(), """[ { "Bearer": [] } ]""");
        var documentLevel = Gate.Edit(Api.Document(), d => d["security"] = JsonNode.Parse("""[ { "Bearer": [] } ]"""));

        var changes = Gate.Compare(operationLevel, documentLevel);

        Assert.DoesNotContain(changes.All, c => c.Location.Contains("POST /v1/trips"));
        Assert.Equal("trips.v1.json GET /v1/trips/{id}", changes.Breaking("security-tightened").Location);
    }

    private static string Secured(string document, string security) =>
        Gate.Edit(document, d => d["paths"]!["/v1/trips"]!["post"]!["security"] = JsonNode.Parse(security));
}
