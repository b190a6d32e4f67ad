using System.Text.Json.Nodes;

namespace TaxiHailing.Fuzz;

/// <summary>
/// One operation of a service's OpenAPI document, with a plausible body to spoil when it takes one, the roles it
/// serves (x-roles), whether it limits each caller's rate (it declares 429), and the account its path is about.
/// </summary>
internal sealed record Operation(
    string Service, int Port, string Method, string PathTemplate, IReadOnlyList<string> PathParameters, JsonNode? SampleBody,
    IReadOnlyList<string> Roles, bool LimitsRate)
{
    public string Name => $"{Method} {PathTemplate}";

    /// <summary>The signed-in caller's id, given to the path parameters that name an account.</summary>
    public string? AccountId { get; init; }

    /// <summary>The path with every parameter given a usable value, or <paramref name="replace"/>'s for one of them.</summary>
    public string Path(string? parameter = null, string? value = null) =>
        PathParameters.Aggregate(PathTemplate, (path, name) => path.Replace("{" + name + "}", name == parameter ? value : UsableValue(name)));

    // A dependency's admin endpoints look their dependency up before they read the body; an account's endpoints
    // answer only that account, so its id is the caller's; any id will do elsewhere.
    private string UsableValue(string parameter) => parameter switch
    {
        "name" => "passengers",
        "id" or "passengerId" or "driverId" when AccountId is not null => AccountId,
        _ => Guid.NewGuid().ToString(),
    };

    public static IEnumerable<Operation> From(JsonObject document, string service, int port)
    {
        var schemas = document["components"]?["schemas"]?.AsObject();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? []).Where(p => p!["in"]?.GetValue<string>() == "path").Select(p => p!["name"]!.GetValue<string>()).ToList();
                var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                var roles = (operation["x-roles"]?.AsArray() ?? []).Select(role => role!.GetValue<string>()).ToList();
                var limitsRate = operation["responses"]?["429"] is not null;
                yield return new(service, port, method.ToUpperInvariant(), path, parameters, schema is null ? null : Sample(schema, schemas, "", 0), roles, limitsRate);
            }
        }
    }

    // A value the schema allows, with names hinting at what our bodies need to be valid (a phone, a plate, a place).
    private static JsonNode? Sample(JsonNode schema, JsonObject? schemas, string name, int depth)
    {
        if (depth > 8) return null;
        if (schema["$ref"]?.GetValue<string>() is { } reference) return Sample(schemas![reference.Split('/')[^1]]!, schemas, name, depth + 1);
        foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[choice]?.AsArray().FirstOrDefault(s => !IsNull(s!)) is { } option) return Sample(option!, schemas, name, depth + 1);
        }

        if (schema["enum"]?.AsArray().FirstOrDefault(e => e is not null) is { } first) return first.DeepClone();
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue single => single.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p => KeyValuePair.Create(p.Key, Sample(p.Value!, schemas, p.Key, depth + 1)))),
            "array" => new JsonArray(schema["items"] is { } items ? Sample(items, schemas, name, depth + 1) : null),
            "string" when schema["format"]?.GetValue<string>() == "uuid" => Guid.NewGuid().ToString(),
            "string" => name switch
            {
                "phone" => "+44 20 7946 0018",
                "plate" => $"FZ{Random.Shared.Next(10, 99)} {(char)('A' + Random.Shared.Next(26))}{(char)('A' + Random.Shared.Next(26))}Z",
                _ => "Fuzz Probe",
            },
            "number" or "integer" => name switch { "lat" => 51.5, "lng" => -0.12, _ => 0 },
            "boolean" => false,
            _ => null,
        };
    }

    private static bool IsNull(JsonNode schema) => schema["type"] is JsonValue type && type.GetValue<string>() == "null";
}
