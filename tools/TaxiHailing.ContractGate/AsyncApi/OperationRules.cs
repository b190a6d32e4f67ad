using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate.AsyncApi;

/// <summary>
/// Send and receive operations: one removed, its action or channel address changed, a message it names removed or its
/// reply removed (the requester waits for an answer that no longer comes) is breaking; what is added is additive.
/// </summary>
internal static class OperationRules
{
    public static void Check(ContractDocument released, ContractDocument current, ChangeLog changes)
    {
        var before = released.ByName(released.Root["operations"], StringComparer.Ordinal);
        var after = current.ByName(current.Root["operations"], StringComparer.Ordinal);
        foreach (var (id, operation) in before)
        {
            var location = $"{released.Name} operation '{id}'";
            var action = operation["action"].Text();
            if (!after.TryGetValue(id, out var match))
            {
                changes.Add(Severity.Breaking, location, "async-operation-removed", $"{action} operation removed");
                continue;
            }
            if (match["action"].Text() != action)
            {
                changes.Add(Severity.Breaking, location, "async-operation-action-changed", $"action changed from '{action}' to '{match["action"].Text()}'");
            }
            var (address, currentAddress) = (Address(released, operation["channel"]), Address(current, match["channel"]));
            if (address != currentAddress)
            {
                changes.Add(Severity.Breaking, location, "async-operation-channel-changed", $"channel address changed from '{address}' to '{currentAddress}'");
            }
            MessageList(operation["messages"], match["messages"], location, "async-operation", changes);
            Reply(released, operation, current, match, location, changes);
        }
        foreach (var id in after.Keys.Where(o => !before.ContainsKey(o)))
        {
            changes.Add(Severity.Info, $"{current.Name} operation '{id}'", "async-operation-added", $"{after[id]["action"].Text()} operation added");
        }
    }

    private static void Reply(ContractDocument released, JsonObject operation, ContractDocument current, JsonObject match, string location, ChangeLog changes)
    {
        var before = released.ResolveNode(operation["reply"]) as JsonObject;
        var after = current.ResolveNode(match["reply"]) as JsonObject;
        if (before is null)
        {
            if (after is not null) changes.Add(Severity.Info, $"{location} reply", "reply-added", "reply added");
            return;
        }
        if (after is null)
        {
            changes.Add(Severity.Breaking, $"{location} reply", "reply-removed", "reply removed: the requester waits for an answer that no longer comes");
            return;
        }
        var (address, currentAddress) = (ReplyAddress(released, before), ReplyAddress(current, after));
        if (address != currentAddress)
        {
            changes.Add(Severity.Breaking, $"{location} reply", "reply-address-changed", $"reply address changed from '{address}' to '{currentAddress}'");
        }
        MessageList(before["messages"], after["messages"], $"{location} reply", "reply", changes);
    }

    private static void MessageList(JsonNode? released, JsonNode? current, string location, string prefix, ChangeLog changes)
    {
        var (before, after) = (Names(released), Names(current));
        foreach (var name in before.Except(after))
        {
            changes.Add(Severity.Breaking, location, $"{prefix}-message-removed", $"message '{name}' removed");
        }
        foreach (var name in after.Except(before))
        {
            changes.Add(Severity.Info, location, $"{prefix}-message-added", $"message '{name}' added");
        }
    }

    /// <summary>The messages an operation or reply names: <c>#/channels/trips/messages/tripCreated</c> is 'tripCreated'.</summary>
    private static List<string> Names(JsonNode? messages) =>
        [.. (messages as JsonArray ?? []).Select((m, i) => m?["$ref"].Text() is { } reference ? reference[(reference.LastIndexOf('/') + 1)..] : m?["name"].Text() ?? $"#{i + 1}")];

    /// <summary>A reply goes to its own address (a runtime expression such as <c>$message.header#/replyTo</c>) or to its channel's.</summary>
    private static string? ReplyAddress(ContractDocument document, JsonObject reply) =>
        (document.ResolveNode(reply["address"]) as JsonObject)?["location"].Text() ?? Address(document, reply["channel"]);

    private static string? Address(ContractDocument document, JsonNode? channel) => (document.ResolveNode(channel) as JsonObject)?["address"].Text();
}
