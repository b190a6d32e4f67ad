using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

public sealed class ParameterRuleTests
{
    private const string IdempotencyKey = """{ "name": "Idempotency-Key", "in": "header", "schema": { "type": "string" } }""";

    [Fact]
    public void A_new_required_parameter_is_breaking_and_a_new_optional_one_is_additive()
    {
        var released = Api.Document(parameters: "[]");
        var required = Api.Document(parameters: """[ { "name": "region", "in": "query", "required": true, "schema": { "type": "string" } } ]""");
        var optional = Api.Document(parameters: """[ { "name": "region", "in": "query", "schema": { "type": "string" } } ]""");

        var change = Gate.Compare(released, required).Breaking("new-required-parameter");

        Assert.Equal("BREAKING trips.v1.json POST /v1/trips query parameter 'region': added as required (new-required-parameter)", change.ToString());
        Gate.Compare(released, optional).Additive("new-optional-parameter");
    }

    [Fact]
    public void A_parameter_made_required_is_breaking()
    {
        var released = Api.Document(parameters: $"[ {IdempotencyKey} ]");
        var current = Api.Document(parameters: """[ { "name": "Idempotency-Key", "in": "header", "required": true, "schema": { "type": "string" } } ]""");

        Gate.Compare(released, current).Breaking("parameter-made-required");
        Gate.Compare(current, released).Additive("parameter-made-optional");
    }

    [Fact]
    public void A_parameter_removed_is_breaking_even_when_optional()
    {
        var released = Api.Document(parameters: $"[ {IdempotencyKey} ]");

        Assert.StartsWith("removed: the service used to honour it", Gate.Compare(released, Api.Document()).Breaking("parameter-removed").Message);
    }

    [Fact]
    public void A_parameter_type_narrowed_is_breaking()
    {
        var released = Api.Document(parameters: """[ { "name": "limit", "in": "query", "schema": { "type": "number" } } ]""");
        var current = Api.Document(parameters: """[ { "name": "limit", "in": "query", "schema": { "type": "integer", "maximum": 50 } } ]""");

        var changes = Gate.Compare(released, current);

        Assert.Equal("trips.v1.json POST /v1/trips query parameter 'limit'", changes.Breaking("parameter-type-narrowed").Location);
        changes.Breaking("parameter-maximum-tightened");
    }

    [Fact]
    public void Header_names_ignore_case_and_a_renamed_path_parameter_is_the_same_parameter()
    {
        var released = Api.Document(parameters: $"[ {IdempotencyKey} ]");
        var lowerCase = Api.Document(parameters: """[ { "name": "idempotency-key", "in": "header", "schema": { "type": "string" } } ]""");
        var renamed = Gate.Edit(released, d =>
        {
            var paths = d["paths"]!.AsObject();
            var trip = paths["/v1/trips/{id}"]!;
            paths.Remove("/v1/trips/{id}");
            trip["get"]!["parameters"]![0]!["name"] = "tripId";
            paths["/v1/trips/{tripId}"] = trip;
        });

        Gate.Compare(released, lowerCase).Nothing();
        Gate.Compare(released, renamed).Nothing();
    }

    [Fact]
    public void Path_level_parameters_count_for_every_operation()
    {
        var released = Api.Document();
        var current = Gate.Edit(released, d => d["paths"]!["/v1/trips/{id}"]!["parameters"] =
            JsonNode.Parse("""[ { "name": "X-Region", "in": "header", "required": true, "schema": { "type": "string" } } ]"""));

        Assert.Equal("trips.v1.json GET /v1/trips/{id} header parameter 'X-Region'", Gate.Compare(released, current).Breaking("new-required-parameter").Location);
    }
}
