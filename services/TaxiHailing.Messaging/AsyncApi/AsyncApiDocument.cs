using System.Text.Json.Nodes;
using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging.AsyncApi;

/// <summary>
/// The AsyncAPI 3.0 document of services' messaging, made from their declarations alone: the channels they use, every
/// message of those channels with its envelope and payload schema, and what each service sends and receives.
/// </summary>
public static class AsyncApiDocument
{
    public const string Path = "/asyncapi/v1.json";
    internal const string ReplyToLocation = "$message.header#/" + MessageHeaders.ReplyTo;
    internal const string CorrelationIdLocation = "$message.header#/" + MessageHeaders.CorrelationId;

    /// <summary>The whole system's document: every service's channels and operations.</summary>
    public static JsonObject ForSystem(IEnumerable<MessagingDeclaration> services) => Build(
        "TaxiHailing messaging",
        "The messages TaxiHailing's services exchange over Kafka: every channel (topic) with its messages, their envelope "
        + "headers and payloads, and what each service sends and receives. Generated from the services' own declarations "
        + "(tools/TaxiHailing.AsyncApi); do not edit it by hand.",
        services.OrderBy(service => service.Service, StringComparer.Ordinal).ToList());

    /// <summary>One service's view: only the channels it uses and its own operations.</summary>
    public static JsonObject ForService(MessagingDeclaration service) => Build(
        $"TaxiHailing {service.Service} messaging",
        $"What the {service.Service} service sends and receives over Kafka, generated from its messaging declaration.",
        [service]);

    private static JsonObject Build(string title, string description, IReadOnlyList<MessagingDeclaration> services)
    {
        var operations = AsyncApiOperations.Of(services);
        var channels = services
            .SelectMany(service => service.Publishes.Concat(service.Subscribes.Select(subscribed => subscribed.Channel)))
            .Distinct()
            .OrderBy(channel => channel.Topic, StringComparer.Ordinal)
            .ToList();
        var messageTypes = channels.SelectMany(channel => channel.MessageTypes)
            .Concat(operations.Requests.Select(request => request.ReplyType))
            .Distinct()
            .Order(StringComparer.Ordinal);

        var channelObjects = new JsonObject();
        foreach (var channel in channels) channelObjects[channel.Topic] = ChannelObject(channel);
        foreach (var request in operations.Requests) channelObjects[request.ChannelId] = ReplyChannelObject(request);

        var messages = new JsonObject();
        foreach (var messageType in messageTypes) messages[messageType] = MessageObject(messageType);

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = title, ["version"] = "1.0.0", ["description"] = description },
            ["defaultContentType"] = MessageHeaders.Json,
            ["servers"] = new JsonObject { ["kafka"] = Server() },
            ["channels"] = channelObjects,
            ["operations"] = operations.Objects,
            ["components"] = new JsonObject { ["messages"] = messages },
        };
    }

    private static JsonObject Server() => new()
    {
        ["host"] = "{bootstrapServers}",
        ["protocol"] = "kafka",
        ["description"] = "The Kafka cluster. Its address is set by the deployment, not here: each service reads it from "
            + "ConnectionStrings:kafka, which the AppHost fills in from its kafka resource (a managed cluster's bootstrap "
            + "servers, asked for at deployment).",
        ["variables"] = new JsonObject
        {
            ["bootstrapServers"] = new JsonObject
            {
                ["default"] = "localhost:9092",
                ["description"] = "The cluster's bootstrap servers (host:port, comma-separated), set by the deployment.",
            },
        },
    };

    private static JsonObject ChannelObject(Channel channel) => new()
    {
        ["address"] = channel.Topic,
        ["description"] = $"{ContractDocs.Of(channel) ?? $"The Kafka topic {channel.Topic}."} A message that a consumer cannot "
            + $"handle is moved, unchanged, to {channel.DeadLetterTopic} with why in its headers.",
        ["messages"] = MessageReferences(channel.MessageTypes),
    };

    // A reply goes wherever its request's reply-to header says, so its channel has no address of its own (AsyncAPI
    // 3.0: a reply with an address refers to a channel whose address is null); the description names the topics
    // the services declare for it.
    private static JsonObject ReplyChannelObject(RequestReply request) => new()
    {
        ["address"] = null,
        ["description"] = $"The answers to {request.RequestType}: sent to the channel the request's {MessageHeaders.ReplyTo} "
            + $"header names, with the request's {MessageHeaders.CorrelationId} echoed. "
            + (request.ReplyTopics.Count == 0
                ? "No service here declares a topic for them."
                : $"Declared for them: {string.Join(", ", request.ReplyTopics)}."),
        ["messages"] = MessageReferences([request.ReplyType]),
    };

    private static JsonObject MessageReferences(IEnumerable<string> messageTypes)
    {
        var references = new JsonObject();
        foreach (var messageType in messageTypes) references[messageType] = Reference($"#/components/messages/{messageType}");
        return references;
    }

    private static JsonObject MessageObject(string messageType)
    {
        var replyType = ContractMessages.ReplyOf(messageType);
        var type = ContractMessages.TypeOf(messageType);
        var message = new JsonObject { ["name"] = messageType, ["title"] = type.Name };
        if (replyType is not null) message["summary"] = $"A request, answered by {replyType}.";
        if (ContractDocs.Of(type) is { } description) message["description"] = description;
        message["contentType"] = MessageHeaders.Json;
        message["correlationId"] = new JsonObject
        {
            ["description"] = "The conversation the message belongs to; an answer carries its request's.",
            ["location"] = CorrelationIdLocation,
        };
        message["headers"] = MessageSchemas.Headers(messageType, isRequest: replyType is not null);
        message["payload"] = MessageSchemas.Payload(messageType);
        return message;
    }

    internal static JsonObject Reference(string pointer) => new() { ["$ref"] = pointer };
}
