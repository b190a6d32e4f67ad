using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaxiHailing.Contracts;
using TaxiHailing.Messaging;

namespace TaxiHailing.Testing;

/// <summary>
/// Reads recorded messages through a service's real catalogue and checks the reader got all of it: the message read,
/// written again by the same serializer, has every recorded field with its value. A field the reader does not know
/// is allowed only in the extra-fields case (and must be there, at the top and nested); a field the message lacks
/// must read as null, as an optional field does.
/// </summary>
public static class FixtureReading
{
    /// <summary>What went wrong reading every fixture of every type <paramref name="catalog"/> reads; empty when nothing did.</summary>
    public static IReadOnlyList<string> Problems(MessageCatalog catalog)
    {
        var problems = new List<string>();
        foreach (var messageType in catalog.MessageTypes.Order(StringComparer.Ordinal))
        {
            var fixtures = RecordedMessages.Of(messageType);
            if (fixtures.Count == 0) problems.Add($"{messageType}: no fixture under {RecordedMessages.Folder}");
            foreach (var fixture in fixtures) problems.AddRange(Problems(catalog, fixture).Select(problem => $"{fixture}: {problem}"));
        }

        return problems;
    }

    public static IEnumerable<string> Problems(MessageCatalog catalog, RecordedMessage fixture)
    {
        if (fixture.Headers.GetValueOrDefault("message-type") != fixture.MessageType)
        {
            return [$"its message-type header is {fixture.Headers.GetValueOrDefault("message-type")}, not its folder's name"];
        }

        object message;
        try
        {
            message = catalog.Deserialize(fixture.MessageType, fixture.BodyBytes);
        }
        catch (JsonException exception)
        {
            return [$"does not read: {exception.Message}"];
        }

        if (NameOf(message.GetType()) != fixture.MessageType) return [$"read as a {NameOf(message.GetType())}"];
        var readBack = JsonSerializer.SerializeToNode(message, message.GetType(), ContractsJsonContext.Default)!;
        var (unknown, differences) = (new List<string>(), new List<string>());
        Compare(JsonNode.Parse(fixture.Body), readBack, "", unknown, differences);
        if (fixture.Case == RecordedMessage.ExtraFields)
        {
            if (!unknown.Any(path => !path.Contains('.'))) differences.Add("has no unknown top-level field");
            if (!unknown.Any(path => path.Contains('.')) && readBack.AsObject().Any(field => field.Value is JsonObject))
            {
                differences.Add("has no unknown nested field");
            }
        }
        else
        {
            differences.AddRange(unknown.Select(path => $"{path} is in the message but the reader does not know it"));
        }

        return differences;
    }

    public static string NameOf(Type messageType) =>
        (string)messageType.GetProperty(nameof(IMessage.MessageType), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static void Compare(JsonNode? recorded, JsonNode? read, string path, List<string> unknown, List<string> differences)
    {
        switch (recorded, read)
        {
            case (JsonObject fields, JsonObject readFields):
                foreach (var (name, value) in fields)
                {
                    var at = path.Length == 0 ? name : $"{path}.{name}";
                    if (readFields.TryGetPropertyValue(name, out var readValue)) Compare(value, readValue, at, unknown, differences);
                    else unknown.Add(at);
                }

                foreach (var (name, readValue) in readFields)
                {
                    if (!fields.ContainsKey(name) && readValue is not null)
                    {
                        differences.Add($"{(path.Length == 0 ? name : $"{path}.{name}")} is absent but read as {readValue.ToJsonString()}: a field old messages lack must be optional");
                    }
                }

                break;
            case (JsonArray items, JsonArray readItems) when items.Count == readItems.Count:
                for (var i = 0; i < items.Count; i++) Compare(items[i], readItems[i], $"{path}[{i}]", unknown, differences);
                break;
            case (JsonValue value, JsonValue readValue) when SameValue(value, readValue):
            case (null, null):
                break;
            default:
                differences.Add($"{path} is {recorded?.ToJsonString() ?? "null"} but read as {read?.ToJsonString() ?? "null"}");
                break;
        }
    }

    private static bool SameValue(JsonValue recorded, JsonValue read) =>
        recorded.GetValueKind() == JsonValueKind.Number && read.GetValueKind() == JsonValueKind.Number
            ? double.Parse(recorded.ToJsonString(), CultureInfo.InvariantCulture) == double.Parse(read.ToJsonString(), CultureInfo.InvariantCulture)
            : JsonNode.DeepEquals(recorded, read);
}
