using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

/// <summary>A success response may carry only what clients of the released contract can read: widening breaks them, narrowing is additive.</summary>
public sealed class ResponseRuleTests
{
    private const string Trip = """{ "$ref": "#/components/schemas/TripRepresentation" }""";

    [Fact]
    public void A_required_property_removed_is_breaking()
    {
        var released = Api.Response(Api.Object("""{ "id": { "type": "string" }, "state": { "type": "string" } }""", "id", "state"));
        var current = Api.Response(Api.Object("""{ "id": { "type": "string" } }""", "id"));

        var change = Gate.Compare(released, current).Breaking("response-property-removed");

        Assert.Equal("trips.v1.json POST /v1/trips response 201", change.Location);
        Assert.Equal("property 'state' removed (it was required)", change.Message);
    }

    [Fact]
    public void An_optional_property_removed_is_a_warning_not_breaking()
    {
        var released = Api.Response(Api.Object("""{ "id": { "type": "string" }, "distanceKm": { "type": ["null", "number"] } }""", "id"));
        var current = Api.Response(Api.Object("""{ "id": { "type": "string" } }""", "id"));

        Gate.Compare(released, current).Warning("response-property-removed");
    }

    [Fact]
    public void A_property_made_optional_is_breaking()
    {
        var released = Api.Response(Api.Object("""{ "requestedAt": { "type": "string" } }""", "requestedAt"));
        var current = Api.Response(Api.Object("""{ "requestedAt": { "type": "string" } }"""));

        Gate.Compare(released, current).Breaking("response-property-made-optional");
    }

    [Fact]
    public void A_property_that_may_now_be_null_is_breaking_however_null_is_spelled()
    {
        var released = Api.Response(Api.Object($$"""{ "requestedAt": { "type": "string" }, "driver": {{Driver}} }"""), Schemas);
        var typeArray = Api.Response(Api.Object($$"""{ "requestedAt": { "type": ["null", "string"] }, "driver": {{Driver}} }"""), Schemas);
        var oneOfNull = Api.Response(Api.Object($$"""{ "requestedAt": { "type": "string" }, "driver": { "oneOf": [ { "type": "null" }, {{Driver}} ] } }"""), Schemas);
        var anyOfNull = Api.Response(Api.Object($$"""{ "requestedAt": { "type": "string" }, "driver": { "anyOf": [ {{Driver}}, { "type": "null" } ] } }"""), Schemas);

        Assert.Equal("property 'requestedAt' may now be null", Gate.Compare(released, typeArray).Breaking("response-became-nullable").Message);
        Assert.Equal("property 'driver' may now be null", Gate.Compare(released, oneOfNull).Breaking("response-became-nullable").Message);
        Gate.Compare(released, anyOfNull).Breaking("response-became-nullable");
        Gate.Compare(oneOfNull, anyOfNull).Nothing();
    }

    [Fact]
    public void The_spellings_of_null_are_one_and_the_same()
    {
        var typeArray = Api.Response(Api.Object("""{ "reason": { "type": ["null", "string"], "maxLength": 80 } }"""));
        var oneOfNull = Api.Response(Api.Object("""{ "reason": { "oneOf": [ { "type": "null" }, { "type": "string", "maxLength": 80 } ] } }"""));
        var openApi30 = Api.Response(Api.Object("""{ "reason": { "type": "string", "nullable": true, "maxLength": 80 } }"""));

        Gate.Compare(typeArray, oneOfNull).Nothing();
        Gate.Compare(oneOfNull, typeArray).Nothing();
        Gate.Compare(openApi30, typeArray).Nothing();
    }

    [Fact]
    public void An_enum_value_added_is_breaking_because_old_clients_may_not_know_it()
    {
        var released = Api.Response(Api.Object("""{ "state": { "$ref": "#/components/schemas/TripState" } }"""), """{ "TripState": { "enum": ["requested", "assigned"] } }""");
        var current = Api.Response(Api.Object("""{ "state": { "$ref": "#/components/schemas/TripState" } }"""), """{ "TripState": { "enum": ["requested", "assigned", "rerouted"] } }""");

        var change = Gate.Compare(released, current).Breaking("response-enum-value-added");

        Assert.Equal("property 'state' enum value 'rerouted' added: readers of the released contract may not know it", change.Message);
        Gate.Compare(current, released).Additive("response-enum-value-removed");
    }

    [Fact]
    public void A_type_changed_or_widened_is_breaking_and_narrowed_is_additive()
    {
        var integer = Api.Response(Api.Object("""{ "durationSeconds": { "type": "integer" } }"""));
        var number = Api.Response(Api.Object("""{ "durationSeconds": { "type": "number" } }"""));
        var text = Api.Response(Api.Object("""{ "durationSeconds": { "type": "string" } }"""));

        Gate.Compare(integer, number).Breaking("response-type-widened");
        Gate.Compare(number, integer).Additive("response-type-narrowed");
        Gate.Compare(integer, text).Breaking("response-type-changed");
    }

    [Fact]
    public void A_new_property_is_additive()
    {
        var released = Api.Response(Api.Object("""{ "id": { "type": "string" } }""", "id"));
        var current = Api.Response(Api.Object("""{ "id": { "type": "string" }, "fare": { "type": "number" } }""", "id", "fare"));

        Gate.Compare(released, current).Additive("response-new-required-property");
    }

    [Fact]
    public void Changes_inside_a_shared_component_are_found_through_its_references()
    {
        var released = Api.Response(Trip, """{ "TripRepresentation": { "type": "object", "required": ["pickup"], "properties": { "pickup": { "$ref": "#/components/schemas/Location" } } }, "Location": { "type": "object", "required": ["lat"], "properties": { "lat": { "type": "number" } } } }""");
        var current = Api.Response(Trip, """{ "TripRepresentation": { "type": "object", "required": ["pickup"], "properties": { "pickup": { "$ref": "#/components/schemas/Location" } } }, "Location": { "type": "object", "properties": { "lat": { "type": "number" } } } }""");

        Assert.Equal("property 'pickup.lat' made optional (it was required)", Gate.Compare(released, current).Breaking("response-property-made-optional").Message);
    }

    [Fact]
    public void A_success_status_removed_is_breaking_and_an_error_status_removed_is_not()
    {
        var released = Api.Document();
        var noCreated = Gate.Edit(released, d => Responses(d).Remove("201"));
        var noConflict = Gate.Edit(released, d => Responses(d).Remove("409"));

        Assert.Equal("trips.v1.json POST /v1/trips response 201", Gate.Compare(released, noCreated).Breaking("success-response-removed").Location);
        Gate.Compare(released, noConflict).Additive("response-removed");
        Gate.Compare(noConflict, released).Additive("response-added");
    }

    [Fact]
    public void A_response_content_type_removed_is_breaking()
    {
        var released = Api.Document();
        var current = Gate.Edit(released, d => Responses(d)["201"]!["content"] = new JsonObject { ["application/xml"] = new JsonObject() });

        Gate.Compare(released, current).Breaking("response-content-type-removed");
    }

    [Fact]
    public void A_required_response_header_removed_is_breaking()
    {
        var released = Gate.Edit(Api.Document(), d => Responses(d)["201"]!["headers"] = JsonNode.Parse("""{ "Location": { "required": true, "schema": { "type": "string" } } }"""));
        var current = Gate.Edit(released, d => Responses(d)["201"]!["headers"] = new JsonObject());

        Gate.Compare(released, current).Breaking("response-header-removed");
    }

    [Fact]
    public void Problem_responses_are_not_compared()
    {
        var released = Api.Document();
        var current = Gate.Edit(released, d => Responses(d)["409"]!["content"]!["application/problem+json"]!["schema"] = JsonNode.Parse("""{ "type": "string" }"""));

        Gate.Compare(released, current).Nothing();
    }

    private const string Driver = """{ "$ref": "#/components/schemas/AssignedDriver" }""";

    private const string Schemas = """{ "AssignedDriver": { "type": "object", "properties": { "name": { "type": "string" } } } }""";

    private static JsonObject Responses(JsonObject document) => document["paths"]!["/v1/trips"]!["post"]!["responses"]!.AsObject();
}
