using System.Text.Json.Nodes;
using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging.AsyncApi;

/// <summary>A request some service sends or receives, its answer, and the topics the services declare for the answer.</summary>
internal sealed record RequestReply(string RequestType, string ReplyType, IReadOnlyList<string> ReplyTopics)
{
    public string ChannelId => $"reply-to.{RequestType}";
}

/// <summary>
/// The operations of services, named after them: a send per channel a service publishes to (a request gets one of
/// its own, with its reply), and a receive per message it handles.
/// </summary>
internal sealed class AsyncApiOperations
{
    private readonly Dictionary<string, (string ReplyType, SortedSet<string> Topics)> _requests = new(StringComparer.Ordinal);

    public JsonObject Objects { get; } = [];

    public IReadOnlyList<RequestReply> Requests => _requests
        .OrderBy(request => request.Key, StringComparer.Ordinal)
        .Select(request => new RequestReply(request.Key, request.Value.ReplyType, request.Value.Topics.ToList()))
        .ToList();

    public static AsyncApiOperations Of(IEnumerable<MessagingDeclaration> services)
    {
        var operations = new AsyncApiOperations();
        foreach (var service in services) operations.Add(service);
        return operations;
    }

    private void Add(MessagingDeclaration service)
    {
        foreach (var channel in service.Publishes)
        {
            var events = channel.MessageTypes.Where(messageType => ContractMessages.ReplyOf(messageType) is null).ToList();
            if (events.Count > 0)
            {
                Objects[$"{service.Service}.send.{channel.Topic}"] = Operation(service.Service, "send", channel, events,
                    $"The {service.Service} service publishes to {channel.Topic}, through its transactional outbox.");
            }

            foreach (var request in channel.MessageTypes.Except(events))
            {
                // The requester reads the answers from the channel it subscribes to them on.
                var reply = Request(request, service.Subscribes.Where(subscribed => subscribed.MessageType == ReplyOf(request)).Select(subscribed => subscribed.Channel));
                Objects[$"{service.Service}.send.{request}"] = Operation(service.Service, "send", channel, [request],
                    $"The {service.Service} service sends the request {request} to {channel.Topic} and receives the answers "
                    + $"({reply.ReplyType}) on the channel its {MessageHeaders.ReplyTo} header names.", reply);
            }
        }

        foreach (var subscribed in service.Subscribes)
        {
            // The responder writes the answers to a channel it publishes to: the outbox allows no other.
            var reply = ContractMessages.ReplyOf(subscribed.MessageType) is { } replyType
                ? Request(subscribed.MessageType, service.Publishes.Where(channel => channel.MessageTypes.Contains(replyType)))
                : null;
            var group = KafkaSettings.ConsumerGroupOf(service.Service, subscribed.Channel.Topic);
            var operation = Operation(service.Service, "receive", subscribed.Channel, [subscribed.MessageType],
                $"The {service.Service} service handles {subscribed.MessageType} from {subscribed.Channel.Topic} in its consumer "
                + $"group {group}, once per message id."
                + (reply is null ? "" : $" It answers with {reply.ReplyType} on the channel the {MessageHeaders.ReplyTo} header names."),
                reply);
            operation["bindings"] = new JsonObject
            {
                ["kafka"] = new JsonObject
                {
                    ["groupId"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(group) },
                    ["bindingVersion"] = "0.5.0",
                },
            };
            Objects[$"{service.Service}.receive.{subscribed.MessageType}"] = operation;
        }
    }

    private static string ReplyOf(string request) => ContractMessages.ReplyOf(request)!;

    private RequestReply Request(string requestType, IEnumerable<Channel> replyChannels)
    {
        var replyType = ReplyOf(requestType);
        if (!_requests.TryGetValue(requestType, out var request))
        {
            request = (replyType, new SortedSet<string>(StringComparer.Ordinal));
            _requests[requestType] = request;
        }

        request.Topics.UnionWith(replyChannels.Select(channel => channel.Topic));
        return new RequestReply(requestType, replyType, [.. request.Topics]);
    }

    private static JsonObject Operation(string service, string action, Channel channel, IReadOnlyList<string> messageTypes, string description, RequestReply? reply = null)
    {
        var operation = new JsonObject
        {
            ["action"] = action,
            ["channel"] = AsyncApiDocument.Reference($"#/channels/{channel.Topic}"),
            ["summary"] = $"{service} {action}s {string.Join(", ", messageTypes)}.",
            ["description"] = description,
            ["tags"] = new JsonArray(new JsonObject { ["name"] = service }),
            ["messages"] = new JsonArray([.. messageTypes.Select(messageType => AsyncApiDocument.Reference($"#/channels/{channel.Topic}/messages/{messageType}"))]),
            ["x-service"] = service,
        };
        if (reply is not null)
        {
            operation["reply"] = new JsonObject
            {
                ["address"] = new JsonObject
                {
                    ["description"] = $"The channel the request's {MessageHeaders.ReplyTo} header names.",
                    ["location"] = AsyncApiDocument.ReplyToLocation,
                },
                ["channel"] = AsyncApiDocument.Reference($"#/channels/{reply.ChannelId}"),
                ["messages"] = new JsonArray(AsyncApiDocument.Reference($"#/channels/{reply.ChannelId}/messages/{reply.ReplyType}")),
            };
        }
        return operation;
    }
}
