using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging.AsyncApi;

/// <summary>The JSON Schemas of a message: its envelope headers and its payload, generated from the Contracts record.</summary>
internal static class MessageSchemas
{
    // The messages' own serializer settings, made to say what a writer writes: numbers as JSON numbers (that readers
    // also take strings for them is tolerance, not contract). The exporter itself requires every constructor
    // parameter without a default (a writer always writes them) and allows null where the record's nullable
    // annotations do; a message itself is never null.
    private static readonly JsonSerializerOptions Options = new(ContractsJsonContext.Default.Options)
    {
        NumberHandling = JsonNumberHandling.Strict,
    };

    // A record inside a message (a GeoPoint, a Fare) carries its doc comment; the message's own is the message's.
    private static readonly JsonSchemaExporterOptions Exporter = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = (context, schema) =>
        {
            if (schema is JsonObject node && !node.ContainsKey("$ref") && !context.Path.IsEmpty && ContractDocs.Of(context.TypeInfo.Type) is { } description)
            {
                node["description"] = description;
            }
            return schema;
        },
    };

    public static JsonNode Payload(string messageType)
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(Options, ContractMessages.TypeOf(messageType), Exporter);
        Inline(schema, schema);
        return schema;
    }

    // The exporter writes a type's second use as a $ref to its first ("#/properties/pickup/..."), a pointer that
    // means something else once the schema sits inside the document: each becomes a copy of what it names. The
    // target comes first in the document, so it is already inlined; a recursive type could not be, and throws.
    private static void Inline(JsonNode node, JsonNode root)
    {
        if (node is JsonArray items)
        {
            foreach (var item in items) if (item is not null) Inline(item, root);
            return;
        }

        if (node is not JsonObject schema) return;
        foreach (var (name, child) in schema.ToList())
        {
            if (child is JsonObject { Count: 1 } reference && reference["$ref"] is JsonValue pointer)
            {
                schema[name] = Resolve(root, pointer.GetValue<string>(), schema).DeepClone();
            }
            else if (child is not null)
            {
                Inline(child, root);
            }
        }
    }

    private static JsonNode Resolve(JsonNode root, string pointer, JsonNode site)
    {
        if (pointer != "#" && !pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A payload schema refers to {pointer}, outside itself.");
        }

        var target = root;
        foreach (var segment in pointer == "#" ? [] : pointer[2..].Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            target = (target is JsonArray array ? array[int.Parse(name, CultureInfo.InvariantCulture)] : target[name])
                ?? throw new InvalidOperationException($"A payload schema's {pointer} names nothing.");
        }

        for (var ancestor = site; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor == target) throw new InvalidOperationException($"A payload schema's {pointer} is recursive: it cannot be inlined.");
        }
        return target;
    }

    public static JsonObject Headers(string messageType, bool isRequest)
    {
        string[] required = [MessageHeaders.MessageId, MessageHeaders.MessageType, MessageHeaders.ContentType, MessageHeaders.CorrelationId];
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                [MessageHeaders.MessageId] = Text("The message's own id (a UUID); consumers handle each id once.", format: "uuid"),
                [MessageHeaders.MessageType] = Constant(messageType, "The message's type and version: what its payload is."),
                [MessageHeaders.ContentType] = Constant(MessageHeaders.Json, "The payload's encoding."),
                [MessageHeaders.CorrelationId] = Text(
                    "The conversation the message belongs to: the id of the message that started it, or the id a requester chose for "
                    + "the answers to its request, which they echo."),
                [MessageHeaders.CausationId] = Text("The id of the message that caused this one, when another did."),
                [MessageHeaders.TraceParent] = Text("The W3C trace context of the writer, when it was traced."),
                [MessageHeaders.TraceState] = Text("The W3C trace state of the writer, when it has one."),
                [MessageHeaders.ReplyTo] = Text(isRequest
                    ? "The channel (topic) the answers go to."
                    : "The channel (topic) answers go to: only on requests."),
            },
            ["required"] = new JsonArray([.. (isRequest ? [.. required, MessageHeaders.ReplyTo] : required).Select(name => JsonValue.Create(name))]),
        };
    }

    private static JsonObject Text(string description, string? format = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (format is not null) schema["format"] = format;
        return schema;
    }

    private static JsonObject Constant(string value, string description) =>
        new() { ["type"] = "string", ["const"] = value, ["description"] = description };
}
