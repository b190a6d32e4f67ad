using System.Text.Json.Nodes;

namespace TaxiHailing.AsyncApi.Tests;

public sealed class OperationTests
{
    [Fact]
    public void Each_service_sends_to_every_channel_it_publishes_to_and_receives_every_message_it_handles()
    {
        foreach (var service in SystemMessaging.Services)
        {
            foreach (var channel in service.Publishes)
            {
                var sent = SystemDocument.Operations
                    .Where(operation => operation.Value!["x-service"]!.GetValue<string>() == service.Service && Action(operation.Value) == "send")
                    .Where(operation => operation.Value!["channel"]!["$ref"]!.GetValue<string>() == $"#/channels/{channel.Topic}")
                    .SelectMany(operation => MessageTypes(operation.Value!));
                Assert.Equal(channel.MessageTypes.Order(), sent.Order());
            }

            foreach (var subscribed in service.Subscribes)
            {
                var operation = SystemDocument.Operations[$"{service.Service}.receive.{subscribed.MessageType}"]!;
                Assert.Equal("receive", Action(operation));
                Assert.Equal($"#/channels/{subscribed.Channel.Topic}", operation["channel"]!["$ref"]!.GetValue<string>());
                Assert.Equal([subscribed.MessageType], MessageTypes(operation));
                Assert.Equal($"{service.Service}.{subscribed.Channel.Topic}", operation["bindings"]!["kafka"]!["groupId"]!["enum"]![0]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public void Operations_name_their_service_and_refer_to_messages_of_their_own_channel()
    {
        Assert.NotEmpty(SystemDocument.Operations);
        foreach (var (id, operation) in SystemDocument.Operations)
        {
            var service = operation!["x-service"]!.GetValue<string>();
            Assert.StartsWith($"{service}.{Action(operation)}.", id);
            Assert.Equal(service, operation["tags"]!.AsArray().Single()!["name"]!.GetValue<string>());
            Assert.Contains(service, operation["description"]!.GetValue<string>());

            var channel = operation["channel"]!["$ref"]!.GetValue<string>();
            Assert.NotNull(SystemDocument.Resolve(operation["channel"]!));
            Assert.All(operation["messages"]!.AsArray(), message =>
            {
                Assert.StartsWith($"{channel}/messages/", message!["$ref"]!.GetValue<string>());
                Assert.NotNull(SystemDocument.Resolve(message));
            });
        }
    }

    [Fact]
    public void Both_sides_of_every_request_have_a_reply_to_the_reply_to_header_with_the_answer_message()
    {
        var requests = ContractTypes.Messages.Where(message => ContractTypes.ReplyTypeOf(message.Value) is not null).ToList();
        Assert.Equal(["dispatch.confirm-assignment.v1", "dispatch.trip-offered.v1"], requests.Select(request => request.Key).Order());

        foreach (var (requestType, type) in requests)
        {
            var replyType = ContractTypes.MessageTypeOf(ContractTypes.ReplyTypeOf(type)!);
            var operations = SystemDocument.Operations.Where(operation => MessageTypes(operation.Value!).Contains(requestType)).Select(operation => operation.Value!).ToList();
            Assert.Equal(["receive", "send"], operations.Select(Action).Order());

            foreach (var operation in operations)
            {
                Assert.Equal([requestType], MessageTypes(operation));
                var reply = operation["reply"]!;
                Assert.Equal("$message.header#/reply-to", reply["address"]!["location"]!.GetValue<string>());

                // AsyncAPI 3.0: a reply with an address refers to a channel whose address is null.
                var channel = SystemDocument.Resolve(reply["channel"]!).AsObject();
                Assert.True(channel.ContainsKey("address") && channel["address"] is null);
                Assert.Contains("taxi.dispatch.replies", channel["description"]!.GetValue<string>());
                var answer = SystemDocument.Resolve(reply["messages"]!.AsArray().Single()!);
                Assert.Equal(replyType, SystemDocument.Resolve(answer)["name"]!.GetValue<string>());
            }

            var headers = SystemDocument.Messages[requestType]!["headers"]!;
            Assert.Contains("reply-to", headers["required"]!.AsArray().Select(name => name!.GetValue<string>()));
        }
    }

    [Fact]
    public void Only_requests_have_replies()
    {
        var withReplies = SystemDocument.Operations.Where(operation => operation.Value!["reply"] is not null).SelectMany(operation => MessageTypes(operation.Value!));

        Assert.All(withReplies, messageType => Assert.NotNull(ContractTypes.ReplyTypeOf(ContractTypes.Messages[messageType])));
    }

    private static string Action(JsonNode operation) => operation["action"]!.GetValue<string>();

    private static List<string> MessageTypes(JsonNode operation) =>
        operation["messages"]!.AsArray().Select(message => message!["$ref"]!.GetValue<string>().Split('/').Last()).ToList();
}
