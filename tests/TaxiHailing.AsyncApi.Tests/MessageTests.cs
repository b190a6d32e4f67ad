using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.AsyncApi.Tests;

public sealed class MessageTests
{
    [Fact]
    public void Every_message_of_every_channel_has_its_envelope_and_a_payload_schema()
    {
        foreach (var (_, channel) in SystemDocument.Channels)
        {
            foreach (var (messageType, reference) in channel!["messages"]!.AsObject())
            {
                var message = SystemDocument.Resolve(reference!);
                Assert.Equal(messageType, message["name"]!.GetValue<string>());
                Assert.Equal("application/json", message["contentType"]!.GetValue<string>());
                Assert.Equal("$message.header#/correlation-id", message["correlationId"]!["location"]!.GetValue<string>());

                var headers = message["headers"]!;
                Assert.Equal(messageType, headers["properties"]!["message-type"]!["const"]!.GetValue<string>());
                Assert.Superset(new HashSet<string> { "message-id", "message-type", "content-type", "correlation-id" }, Names(headers["required"]).ToHashSet());

                var payload = message["payload"]!;
                Assert.Equal("object", payload["type"]!.GetValue<string>());
                Assert.NotEmpty(payload["properties"]!.AsObject());
            }
        }
    }

    [Fact]
    public void Payloads_require_every_constructor_parameter_without_a_default_and_allow_null_only_where_the_record_does()
    {
        var nullability = new NullabilityInfoContext();
        foreach (var (messageType, type) in ContractTypes.Messages)
        {
            var payload = SystemDocument.Messages[messageType]!["payload"]!;
            var parameters = type.GetConstructors().Single().GetParameters();

            Assert.Equal(
                parameters.Where(parameter => !parameter.HasDefaultValue).Select(parameter => JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!)).Order(),
                Names(payload["required"]).Order());
            foreach (var parameter in parameters)
            {
                var property = payload["properties"]![JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!)]!;
                var nullable = nullability.Create(parameter).WriteState == NullabilityState.Nullable;
                Assert.True(nullable == AllowsNull(property), $"{messageType}: {parameter.Name} allows null in the schema: {AllowsNull(property)}");
            }
        }
    }

    [Fact]
    public void Nested_records_are_inlined_with_their_own_required_fields()
    {
        var created = SystemDocument.Messages["trips.trip-created.v2"]!["payload"]!["properties"]!;

        foreach (var place in (string[])["pickup", "dropoff"])
        {
            Assert.Equal(["location"], Names(created[place]!["required"]));
            Assert.Equal(["lat", "lng"], Names(created[place]!["properties"]!["location"]!["required"]).Order());
            Assert.True(AllowsNull(created[place]!["properties"]!["address"]!));
        }
        Assert.Equal(["standard", "xl"], created["product"]!["enum"]!.AsArray().Select(value => value!.GetValue<string>()));
        Assert.Equal("number", created["fareEstimate"]!["properties"]!["amount"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("\"$ref\": \"#/properties", SystemMessaging.Document());
    }

    [Fact]
    public void Messages_channels_and_the_records_inside_messages_carry_their_doc_comments()
    {
        Assert.All(SystemDocument.Messages, message => Assert.False(string.IsNullOrWhiteSpace(message.Value!["description"]?.GetValue<string>()), message.Key));
        Assert.StartsWith("Where online drivers are: one-way notifications", SystemDocument.Channels["taxi.drivers.locations"]!["description"]!.GetValue<string>());
        Assert.Contains("answer with a OfferAnswered on the reply-to channel", SystemDocument.Messages["dispatch.trip-offered.v1"]!["description"]!.GetValue<string>());
        Assert.Equal("A place on the map, in WGS 84 degrees.",
            SystemDocument.Messages["dispatch.trip-offered.v1"]!["payload"]!["properties"]!["dropoff"]!["description"]!.GetValue<string>());
    }

    private static IEnumerable<string> Names(JsonNode? array) => array!.AsArray().Select(name => name!.GetValue<string>());

    private static bool AllowsNull(JsonNode property) =>
        property["type"] is JsonArray types && types.Any(type => type!.GetValue<string>() == "null");
}
