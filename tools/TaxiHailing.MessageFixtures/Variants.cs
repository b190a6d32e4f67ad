using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.MessageFixtures;

/// <summary>The robustness cases made from a recorded message: what a newer producer, or an older one, may send.</summary>
public static class Variants
{
    /// <summary>
    /// A newer producer's message: the same, with fields this reader does not know at the top level and in every
    /// nested object.
    /// </summary>
    public static JsonObject ExtraFields(string body)
    {
        var message = JsonNode.Parse(body)!.AsObject();
        foreach (var nested in Objects(message).Skip(1).ToList()) nested["addedLater"] = 1;
        message["addedLater"] = "a field a newer producer writes";
        message["addedLaterObject"] = new JsonObject { ["kind"] = "unknown", ["values"] = new JsonArray(1, 2) };
        return message;
    }

    /// <summary>The same message without its optional (nullable) fields, at any depth; null when it has none.</summary>
    public static JsonObject? MissingOptional(string body, Type type)
    {
        var message = JsonNode.Parse(body)!.AsObject();
        return RemoveOptional(message, type) ? message : null;
    }

    private static bool RemoveOptional(JsonObject json, Type type)
    {
        var removed = false;
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!json.ContainsKey(name)) continue;
            if (nullability.Create(property).ReadState == NullabilityState.Nullable)
            {
                json.Remove(name);
                removed = true;
            }
            else if (json[name] is JsonObject nested)
            {
                removed |= RemoveOptional(nested, property.PropertyType);
            }
        }

        return removed;
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject json => [json, .. json.SelectMany(property => Objects(property.Value))],
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };
}
