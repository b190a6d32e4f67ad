using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate.Schemas;

/// <summary>
/// A JSON Schema (draft 2020-12, as OpenAPI 3.1 and AsyncAPI 3.0 use it) reduced to what the rules compare: its
/// <c>$ref</c>s resolved, its nullability in one place however it was spelled (a type array with "null",
/// <c>anyOf</c>/<c>oneOf</c> with a <c>{"type":"null"}</c> branch, OpenAPI 3.0's <c>nullable</c>), <c>allOf</c> merged.
/// </summary>
internal sealed class Schema
{
    private static readonly string[] Bounds =
        ["maxLength", "minLength", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "maxItems", "minItems", "maxProperties", "minProperties"];

    /// <summary>The types other than "null" it allows; <see langword="null"/> when it declares none (any type).</summary>
    public HashSet<string>? Types { get; private set; }

    public bool AcceptsNull { get; private set; } = true;

    /// <summary>The allowed values other than null, as JSON text (from <c>enum</c> or <c>const</c>); <see langword="null"/> when any.</summary>
    public List<string>? Enum { get; private set; }

    public Dictionary<string, JsonNode?> Properties { get; } = [];

    public HashSet<string> Required { get; } = [];

    public JsonNode? Items { get; private set; }

    /// <summary>The <c>additionalProperties</c> schema; <see langword="false"/> forbids any property not listed.</summary>
    public JsonNode? AdditionalProperties { get; private set; }

    public string? Pattern { get; private set; }

    public string? Format { get; private set; }

    public Dictionary<string, decimal> Limits { get; } = [];

    /// <summary>The non-null alternatives of an <c>anyOf</c>/<c>oneOf</c> with more than one.</summary>
    public List<JsonNode?> Branches { get; } = [];

    /// <summary>The last <c>$ref</c> followed to reach it, which names it and stops recursion through cyclic schemas.</summary>
    public string? Reference { get; private set; }

    public bool AllowsObject => Types is null || Types.Contains("object");

    public bool AllowsArray => Types is null || Types.Contains("array");

    public bool ForbidsAdditionalProperties => AdditionalProperties is JsonValue value && value.TryGetValue<bool>(out var allowed) && !allowed;

    public static Schema Of(ContractDocument document, JsonNode? node)
    {
        var schema = new Schema();
        schema.Read(document, node, depth: 0);
        return schema;
    }

    private void Read(ContractDocument document, JsonNode? node, int depth)
    {
        var (target, reference) = document.Resolve(node);
        Reference = reference ?? Reference;
        if (target is JsonValue boolean && boolean.TryGetValue<bool>(out var anything))
        {
            if (!anything) (Types, AcceptsNull) = ([], false);
            return;
        }
        if (target is not JsonObject schema || depth > 16) return;

        ReadTypes(schema);
        ReadValues(schema);
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            Properties[name] = property;
        }
        foreach (var name in Strings(schema["required"]))
        {
            Required.Add(name);
        }
        Items = schema["items"] ?? Items;
        AdditionalProperties = schema["additionalProperties"] ?? AdditionalProperties;
        Pattern = Text(schema["pattern"]) ?? Pattern;
        Format = Text(schema["format"]) ?? Format;
        foreach (var bound in Bounds)
        {
            if (schema[bound] is JsonValue limit && limit.TryGetValue<decimal>(out var value)) Limits[bound] = value;
        }
        ReadAlternatives(document, schema, depth);
        foreach (var part in schema["allOf"] as JsonArray ?? [])
        {
            Read(document, part, depth + 1);
        }
    }

    private void ReadTypes(JsonObject schema)
    {
        if (schema["type"] is not { } declared) return;
        var types = declared is JsonArray list ? Strings(list).ToHashSet() : Text(declared) is { } single ? [single] : [];
        var nullable = types.Remove("null") || schema["nullable"] is JsonValue flag && flag.TryGetValue<bool>(out var on) && on;
        // allOf parts each constrain the value, so the types they declare intersect.
        Types = Types is null ? types : [.. Types.Intersect(types)];
        AcceptsNull &= nullable;
    }

    private void ReadValues(JsonObject schema)
    {
        var values = schema["enum"] is JsonArray list ? list.Select(Json).ToList() : schema.ContainsKey("const") ? [Json(schema["const"])] : null;
        if (values is null) return;
        AcceptsNull &= values.Remove("null");
        Enum = Enum is null ? values : [.. Enum.Intersect(values)];
    }

    /// <summary>A null branch makes the schema nullable; a single other branch is the schema itself (ASP.NET Core's nullable <c>$ref</c>).</summary>
    private void ReadAlternatives(ContractDocument document, JsonObject schema, int depth)
    {
        var alternatives = schema["anyOf"] as JsonArray ?? schema["oneOf"] as JsonArray;
        if (alternatives is null) return;
        var others = alternatives.Where(branch => !IsNullOnly(document, branch)).ToList();
        var nullBranch = others.Count < alternatives.Count;
        if (others.Count == 1)
        {
            var acceptedNull = AcceptsNull;
            Read(document, others[0], depth + 1);
            AcceptsNull = acceptedNull && (nullBranch || AcceptsNull);
        }
        else
        {
            Branches.AddRange(others);
            AcceptsNull &= nullBranch;
        }
    }

    private static bool IsNullOnly(ContractDocument document, JsonNode? branch) =>
        document.ResolveNode(branch) is JsonObject schema && schema["type"] switch
        {
            JsonArray types => types.Count > 0 && Strings(types).All(t => t == "null"),
            var single => Text(single) == "null",
        };

    private static string Json(JsonNode? value) => value?.ToJsonString() ?? "null";

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(Text).OfType<string>();
}
