using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

/// <summary>
/// Message payloads are read both ways: consumers read new messages as clients read responses, and recorded messages
/// must still be readable as requests are. So nearly every change breaks; a new optional property does not.
/// </summary>
public sealed class MessageRuleTests
{
    [Fact]
    public void A_property_removed_is_breaking_even_when_optional()
    {
        var released = Events.Document(payload: Api.Object("""{ "tripId": { "type": "string" }, "notes": { "type": "string" } }""", "tripId"));
        var current = Events.Document(payload: Api.Object("""{ "tripId": { "type": "string" } }""", "tripId"));

        var change = Events.Compare(released, current).Breaking("message-property-removed");

        Assert.Equal("BREAKING taxihailing.json channel 'tripEvents' message 'tripCreated' payload: property 'notes' removed (message-property-removed)", change.ToString());
    }

    [Fact]
    public void A_new_required_property_is_breaking_because_recorded_messages_lack_it()
    {
        var current = Events.Document(payload: Api.Object(
            """{ "tripId": { "type": "string", "format": "uuid" }, "pickup": { "$ref": "#/components/schemas/GeoPoint" }, "product": { "type": "string" } }""",
            "tripId", "pickup", "product"));

        Events.Compare(Events.Document(), current).Breaking("message-new-required-property");
    }

    [Fact]
    public void A_new_optional_property_is_additive()
    {
        var current = Events.Document(payload: Api.Object(
            """{ "tripId": { "type": "string", "format": "uuid" }, "pickup": { "$ref": "#/components/schemas/GeoPoint" }, "notes": { "type": ["null", "string"] } }""",
            "tripId", "pickup"));

        Events.Compare(Events.Document(), current).Additive("message-new-optional-property");
    }

    [Fact]
    public void A_property_made_optional_is_breaking()
    {
        var current = Events.Document(payload: Api.Object(
            """{ "tripId": { "type": "string", "format": "uuid" }, "pickup": { "$ref": "#/components/schemas/GeoPoint" } }""", "tripId"));

        Events.Compare(Events.Document(), current).Breaking("message-property-made-optional");
    }

    [Fact]
    public void A_type_narrowed_or_widened_in_a_referenced_schema_is_breaking()
    {
        const string Integer = """{ "type": "object", "required": ["lat", "lng"], "properties": { "lat": { "type": "integer" }, "lng": { "type": "number" } } }""";

        Assert.Equal("property 'pickup.lat' type narrowed from number to integer",
            Events.Compare(Events.Document(), Events.Document(geoPoint: Integer)).Breaking("message-type-narrowed").Message);
        Events.Compare(Events.Document(geoPoint: Integer), Events.Document()).Breaking("message-type-widened");
    }

    [Fact]
    public void An_enum_value_added_or_removed_is_breaking()
    {
        var two = Events.Document(payload: Api.Object("""{ "product": { "enum": ["standard", "xl"] } }"""));
        var three = Events.Document(payload: Api.Object("""{ "product": { "enum": ["standard", "xl", "eco"] } }"""));

        Events.Compare(two, three).Breaking("message-enum-value-added");
        Events.Compare(three, two).Breaking("message-enum-value-removed");
    }

    [Fact]
    public void A_header_removed_or_made_required_is_breaking()
    {
        var removed = Events.Document(headers: """{ "type": "object", "required": ["message-type"], "properties": { "message-type": { "type": "string" } } }""");
        var required = Events.Document(headers: """{ "type": "object", "required": ["message-type", "traceparent"], "properties": { "message-type": { "type": "string" }, "traceparent": { "type": "string" } } }""");

        var change = Events.Compare(Events.Document(), removed).Breaking("message-header-property-removed");

        Assert.Equal("taxihailing.json channel 'tripEvents' message 'tripCreated' headers", change.Location);
        Assert.Equal("header 'traceparent' removed", change.Message);
        Events.Compare(Events.Document(), required).Breaking("message-header-property-made-required");
    }

    [Fact]
    public void A_content_type_changed_is_breaking()
    {
        var current = Gate.Edit(Events.Document(), d => d["components"]!["messages"]!["tripCreated"]!["contentType"] = "application/msgpack");

        Events.Compare(Events.Document(), current).Breaking("message-content-type-changed");
    }

    [Fact]
    public void A_multi_format_payload_is_compared_as_the_json_schema_it_wraps()
    {
        const string Wrapped = """{ "schemaFormat": "application/vnd.aai.asyncapi+json;version=3.0.0", "schema": { "type": "object", "properties": { "tripId": { "type": "string" } } } }""";
        const string Integer = """{ "schemaFormat": "application/vnd.aai.asyncapi+json;version=3.0.0", "schema": { "type": "object", "properties": { "tripId": { "type": "integer" } } } }""";

        Events.Compare(Events.Document(payload: Wrapped), Events.Document(payload: Integer)).Breaking("message-type-changed");
    }
}
