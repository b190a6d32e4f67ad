using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

/// <summary>A request body must still accept everything it accepted: narrowing breaks the clients, widening is additive.</summary>
public sealed class RequestBodyRuleTests
{
    private const string Location = """{ "$ref": "#/components/schemas/LocationBody" }""";

    [Fact]
    public void A_property_narrowed_from_number_to_integer_is_breaking_and_says_where()
    {
        var released = Api.Request(Api.Object($$"""{ "pickup": {{Location}} }"""), Schemas(lat: """{ "type": "number", "format": "double" }"""));
        var current = Api.Request(Api.Object($$"""{ "pickup": {{Location}} }"""), Schemas(lat: """{ "type": "integer", "format": "double" }"""));

        var change = Gate.Compare(released, current).Breaking("request-type-narrowed");

        Assert.Equal("BREAKING trips.v1.json POST /v1/trips request body: property 'pickup.lat' type narrowed from number to integer (request-type-narrowed)", change.ToString());
    }

    [Fact]
    public void A_type_removed_from_a_type_set_is_breaking()
    {
        var released = Api.Request(Api.Object("""{ "fare": { "type": ["string", "number"] } }"""));
        var current = Api.Request(Api.Object("""{ "fare": { "type": "string" } }"""));

        Assert.Equal("property 'fare' type narrowed from string or number to string", Gate.Compare(released, current).Breaking("request-type-narrowed").Message);
    }

    [Fact]
    public void A_widened_type_is_additive()
    {
        var released = Api.Request(Api.Object("""{ "seats": { "type": "integer" } }"""));
        var current = Api.Request(Api.Object("""{ "seats": { "type": ["integer", "string"] } }"""));

        Gate.Compare(released, current).Additive("request-type-widened");
    }

    [Fact]
    public void A_new_required_property_deep_inside_is_breaking()
    {
        var released = Api.Request(Api.Object($$"""{ "pickup": {{Location}} }"""), Schemas());
        var current = Api.Request(Api.Object($$"""{ "pickup": {{Location}} }"""), Schemas(extra: """, "accuracy": { "type": "number" }""", required: "\"accuracy\""));

        Assert.Equal("property 'pickup.accuracy' added as required", Gate.Compare(released, current).Breaking("request-new-required-property").Message);
    }

    [Fact]
    public void A_new_optional_property_is_additive()
    {
        var released = Api.Request(Api.Object("""{ "passengerId": { "type": "string" } }"""));
        var current = Api.Request(Api.Object("""{ "passengerId": { "type": "string" }, "notes": { "type": ["null", "string"] } }"""));

        Gate.Compare(released, current).Additive("request-new-optional-property");
    }

    [Fact]
    public void A_property_made_required_is_breaking_and_one_made_optional_is_additive()
    {
        var optional = Api.Request(Api.Object("""{ "notes": { "type": "string" } }"""));
        var required = Api.Request(Api.Object("""{ "notes": { "type": "string" } }""", "notes"));

        Gate.Compare(optional, required).Breaking("request-property-made-required");
        Gate.Compare(required, optional).Additive("request-property-made-optional");
    }

    [Fact]
    public void A_property_removed_is_breaking_because_the_service_used_to_honour_it()
    {
        var released = Api.Request(Api.Object("""{ "passengerId": { "type": "string" }, "notes": { "type": "string" } }"""));
        var current = Api.Request(Api.Object("""{ "passengerId": { "type": "string" } }"""));

        Gate.Compare(released, current).Breaking("request-property-removed");
    }

    [Fact]
    public void Enum_values_removed_or_a_new_enum_are_breaking_and_enum_values_added_are_additive()
    {
        var two = Api.Request(Api.Object("""{ "product": { "enum": ["standard", "xl"] } }"""));
        var one = Api.Request(Api.Object("""{ "product": { "enum": ["standard"] } }"""));
        var any = Api.Request(Api.Object("""{ "product": { "type": "string" } }"""));

        Assert.Equal("property 'product' enum value 'xl' removed", Gate.Compare(two, one).Breaking("request-enum-value-removed").Message);
        Gate.Compare(one, two).Additive("request-enum-value-added");
        Gate.Compare(any, Api.Request(Api.Object("""{ "product": { "type": "string", "enum": ["standard"] } }"""))).Breaking("request-enum-added");
    }

    [Fact]
    public void A_new_or_changed_pattern_is_breaking_and_a_removed_one_is_additive()
    {
        var free = Api.Request(Api.Object("""{ "currency": { "type": "string" } }"""));
        var letters = Api.Request(Api.Object("""{ "currency": { "type": "string", "pattern": "^[A-Z]+$" } }"""));
        var three = Api.Request(Api.Object("""{ "currency": { "type": "string", "pattern": "^[A-Z]{3}$" } }"""));

        Gate.Compare(free, letters).Breaking("request-pattern-added");
        Gate.Compare(letters, three).Breaking("request-pattern-changed");
        Gate.Compare(three, free).Additive("request-pattern-removed");
    }

    [Theory]
    [InlineData("""{ "type": "string", "maxLength": 200 }""", """{ "type": "string", "maxLength": 100 }""", "request-max-length-tightened")]
    [InlineData("""{ "type": "string" }""", """{ "type": "string", "maxLength": 100 }""", "request-max-length-tightened")]
    [InlineData("""{ "type": "number", "minimum": -90 }""", """{ "type": "number", "minimum": 0 }""", "request-minimum-tightened")]
    [InlineData("""{ "type": "number", "maximum": 90 }""", """{ "type": "number", "maximum": 80 }""", "request-maximum-tightened")]
    [InlineData("""{ "type": "number" }""", """{ "type": "number", "exclusiveMinimum": 0 }""", "request-exclusive-minimum-tightened")]
    public void A_tighter_bound_is_breaking(string released, string current, string rule)
    {
        Gate.Compare(Api.Request(Api.Object($$"""{ "value": {{released}} }""")), Api.Request(Api.Object($$"""{ "value": {{current}} }"""))).Breaking(rule);
    }

    [Fact]
    public void A_looser_bound_is_additive()
    {
        var released = Api.Request(Api.Object("""{ "notes": { "type": "string", "maxLength": 100, "minLength": 1 } }"""));
        var current = Api.Request(Api.Object("""{ "notes": { "type": "string", "maxLength": 500 } }"""));

        var changes = Gate.Compare(released, current);

        Assert.DoesNotContain(changes.All, c => c.Severity != Severity.Info);
        Assert.Equal(["request-max-length-loosened", "request-min-length-loosened"], changes.All.Select(c => c.RuleId).Order());
    }

    [Fact]
    public void A_new_format_is_breaking()
    {
        var released = Api.Request(Api.Object("""{ "passengerId": { "type": "string" } }"""));
        var current = Api.Request(Api.Object("""{ "passengerId": { "type": "string", "format": "uuid" } }"""));

        Gate.Compare(released, current).Breaking("request-format-added");
    }

    [Fact]
    public void No_longer_accepting_null_is_breaking_however_null_was_spelled()
    {
        var typeArray = Api.Request(Api.Object("""{ "notes": { "type": ["null", "string"] } }"""));
        var nullableReference = Api.Request(Api.Object($$"""{ "pickup": { "oneOf": [ { "type": "null" }, {{Location}} ] } }"""), Schemas());

        Gate.Compare(typeArray, Api.Request(Api.Object("""{ "notes": { "type": "string" } }"""))).Breaking("request-no-longer-nullable");
        Gate.Compare(nullableReference, Api.Request(Api.Object($$"""{ "pickup": {{Location}} }"""), Schemas())).Breaking("request-no-longer-nullable");
        Gate.Compare(Api.Request(Api.Object("""{ "notes": { "type": "string" } }""")), typeArray).Additive("request-became-nullable");
    }

    [Fact]
    public void Forbidding_unlisted_properties_is_breaking()
    {
        var released = Api.Request(Api.Object("""{ "notes": { "type": "string" } }"""));
        var current = Api.Request("""{ "type": "object", "additionalProperties": false, "properties": { "notes": { "type": "string" } } }""");

        Gate.Compare(released, current).Breaking("request-additional-properties-forbidden");
    }

    [Fact]
    public void Array_items_are_compared_like_properties()
    {
        var released = Api.Request(Api.Object("""{ "stops": { "type": "array", "items": { "$ref": "#/components/schemas/LocationBody" } } }"""), Schemas());
        var current = Api.Request(Api.Object("""{ "stops": { "type": "array", "items": { "$ref": "#/components/schemas/LocationBody" } } }"""),
            Schemas(lat: """{ "type": "string" }"""));

        Assert.Equal("property 'stops[].lat' type changed from number to string", Gate.Compare(released, current).Breaking("request-type-changed").Message);
    }

    [Fact]
    public void A_body_made_required_or_removed_or_a_content_type_removed_is_breaking()
    {
        var required = Api.Request(Api.Object("{}"));
        var optional = Gate.Edit(required, d => d["paths"]!["/v1/trips"]!["post"]!["requestBody"]!["required"] = false);
        var none = Gate.Edit(required, d => d["paths"]!["/v1/trips"]!["post"]!.AsObject().Remove("requestBody"));
        var otherType = Gate.Edit(required, d => d["paths"]!["/v1/trips"]!["post"]!["requestBody"]!["content"] = Json("""{ "application/xml": { "schema": {} } }"""));

        Gate.Compare(optional, required).Breaking("request-body-made-required");
        Gate.Compare(required, optional).Additive("request-body-made-optional");
        Gate.Compare(required, none).Breaking("request-body-removed");
        Gate.Compare(none, required).Breaking("request-body-added-required");
        Gate.Compare(required, otherType).Breaking("request-content-type-removed");
    }

    [Fact]
    public void A_recursive_schema_is_compared_without_looping()
    {
        const string Stop = """{ "type": "object", "properties": { "name": { "type": "string" }, "next": { "$ref": "#/components/schemas/Stop" } } }""";
        const string Narrowed = """{ "type": "object", "properties": { "name": { "type": "string", "maxLength": 40 }, "next": { "$ref": "#/components/schemas/Stop" } } }""";
        var released = Api.Request("""{ "$ref": "#/components/schemas/Stop" }""", $$"""{ "Stop": {{Stop}} }""");
        var current = Api.Request("""{ "$ref": "#/components/schemas/Stop" }""", $$"""{ "Stop": {{Narrowed}} }""");

        Assert.Equal("property 'name' maxLength 40 added", Gate.Compare(released, current).Breaking("request-max-length-tightened").Message);
    }

    [Fact]
    public void Identical_documents_have_no_changes()
    {
        var document = Api.Request(Api.Object($$"""{ "pickup": {{Location}}, "dropoff": { "oneOf": [ { "type": "null" }, {{Location}} ] } }""", "pickup"), Schemas());

        Gate.Compare(document, document).Nothing();
    }

    private static string Schemas(string lat = """{ "type": "number", "format": "double" }""", string extra = "", string required = "") => $$"""
        { "LocationBody": { "type": "object", "required": [{{required}}], "properties": { "lat": {{lat}}, "lng": { "type": "number" }{{extra}} } } }
        """;

    private static System.Text.Json.Nodes.JsonNode Json(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!;
}
