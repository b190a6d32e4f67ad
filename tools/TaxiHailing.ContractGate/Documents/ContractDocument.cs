using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.ContractGate.Documents;

/// <summary>A parsed OpenAPI 3.x or AsyncAPI 3.x document, named by its file name, that resolves its own local <c>$ref</c>s.</summary>
internal sealed class ContractDocument
{
    private const int MaxReferenceHops = 32;

    private ContractDocument(string name, JsonObject root, ContractKind kind) => (Name, Root, Kind) = (name, root, kind);

    public string Name { get; }

    public JsonObject Root { get; }

    public ContractKind Kind { get; }

    public static ContractDocument Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new BadContractException($"cannot read '{path}': {problem.Message}");
        }
        return Parse(Path.GetFileName(path), text, path);
    }

    public static ContractDocument Parse(string name, string json, string? source = null)
    {
        source ??= name;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException problem)
        {
            throw new BadContractException($"'{source}' is not valid JSON: {problem.Message}");
        }
        if (root is not JsonObject document) throw new BadContractException($"'{source}' is not a JSON object, so not an OpenAPI or AsyncAPI document.");
        return new ContractDocument(name, document, KindOf(document, source));
    }

    /// <summary>Follows <paramref name="node"/>'s <c>$ref</c> chain to the object it names; the last reference followed is returned too.</summary>
    public (JsonNode? Target, string? Reference) Resolve(JsonNode? node)
    {
        string? reference = null;
        for (var hop = 0; node is JsonObject item && item["$ref"] is JsonValue value && value.TryGetValue<string>(out var next); hop++)
        {
            if (hop == MaxReferenceHops) throw new BadContractException($"{Name}: the $ref chain through '{next}' does not end.");
            reference = next;
            node = Pointer(next);
        }
        return (node, reference);
    }

    public JsonNode? ResolveNode(JsonNode? node) => Resolve(node).Target;

    private JsonNode Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal) && reference != "#")
        {
            throw new BadContractException($"{Name}: only local references are supported, not '{reference}'.");
        }
        JsonNode? node = Root;
        foreach (var encoded in reference.Length > 2 ? reference[2..].Split('/') : [])
        {
            var token = Uri.UnescapeDataString(encoded).Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject item => item[token],
                JsonArray list when int.TryParse(token, out var index) && index >= 0 && index < list.Count => list[index],
                _ => null,
            };
            if (node is null) break;
        }
        return node ?? throw new BadContractException($"{Name}: the reference '{reference}' points at nothing.");
    }

    private static ContractKind KindOf(JsonObject document, string source)
    {
        if (Version(document, "openapi") is { } openApi)
        {
            return openApi.StartsWith("3.", StringComparison.Ordinal) ? ContractKind.OpenApi
                : throw new BadContractException($"'{source}' is OpenAPI {openApi}; the gate reads OpenAPI 3.x.");
        }
        if (Version(document, "asyncapi") is { } asyncApi)
        {
            return asyncApi.StartsWith("3.", StringComparison.Ordinal) ? ContractKind.AsyncApi
                : throw new BadContractException($"'{source}' is AsyncAPI {asyncApi}; the gate reads AsyncAPI 3.x.");
        }
        throw new BadContractException($"'{source}' has neither an 'openapi' nor an 'asyncapi' version field.");
    }

    private static string? Version(JsonObject document, string field) =>
        document[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
