using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;
using TaxiHailing.ContractGate.Schemas;

namespace TaxiHailing.ContractGate.AsyncApi;

/// <summary>
/// One message: its content type, payload and headers. Consumers read new messages the way clients read responses, and
/// old recorded messages (a replay, a lagging partition) must still read against the new schema the way requests do,
/// so both directions' rules apply (<see cref="Direction.Both"/>): nearly every change but a new optional property breaks.
/// </summary>
internal static class MessageRules
{
    public static void Check(ContractDocument released, JsonObject message, ContractDocument current, JsonObject match, string location, ChangeLog changes)
    {
        var (contentType, currentContentType) = (ContentType(released, message), ContentType(current, match));
        if (contentType != currentContentType)
        {
            changes.Add(Severity.Breaking, location, "message-content-type-changed", $"content type changed from '{contentType}' to '{currentContentType}'");
        }
        Schema(released, message["payload"], current, match["payload"], $"{location} payload", "message", "property", changes);
        Schema(released, message["headers"], current, match["headers"], $"{location} headers", "message-header", "header", changes);
    }

    private static void Schema(ContractDocument released, JsonNode? before, ContractDocument current, JsonNode? after, string location, string prefix, string noun, ChangeLog changes)
    {
        var (format, schema) = MultiFormat(released, before);
        var (currentFormat, currentSchema) = MultiFormat(current, after);
        if (format is null && currentFormat is null)
        {
            new SchemaComparison(released, current, Direction.Both, location, prefix, changes, noun).Compare(schema, currentSchema);
        }
        else if (format != currentFormat || !JsonNode.DeepEquals(schema, currentSchema))
        {
            changes.Add(Severity.Breaking, location, $"{prefix}-schema-format-changed",
                $"schema in format '{format ?? "JSON Schema"}' changed (to '{currentFormat ?? "JSON Schema"}'); the gate compares only JSON Schemas, so any change counts");
        }
    }

    /// <summary>The schema of a payload or headers, and its format when that is not JSON Schema (Avro, say).</summary>
    private static (string? Format, JsonNode? Schema) MultiFormat(ContractDocument document, JsonNode? node)
    {
        if (document.ResolveNode(node) is not JsonObject multi || multi["schemaFormat"].Text() is not { } format || !multi.ContainsKey("schema")) return (null, node);
        var jsonSchema = format.StartsWith("application/vnd.aai.asyncapi", StringComparison.Ordinal) || format.StartsWith("application/schema+json", StringComparison.Ordinal)
            || format.StartsWith("application/vnd.oai.openapi", StringComparison.Ordinal);
        return (jsonSchema ? null : format, multi["schema"]);
    }

    private static string? ContentType(ContractDocument document, JsonObject message) =>
        message["contentType"].Text() ?? document.Root["defaultContentType"].Text();
}
