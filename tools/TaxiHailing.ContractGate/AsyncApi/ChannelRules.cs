using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate.AsyncApi;

/// <summary>
/// Channels and the messages they carry. A channel's id is the document's own name for it and its address is what
/// producers and consumers use, so a channel whose id changed but whose address did not is the same channel;
/// a channel removed, its address changed or a message removed from it is breaking.
/// </summary>
internal static class ChannelRules
{
    public static void Check(ContractDocument released, ContractDocument current, ChangeLog changes)
    {
        var after = current.ByName(current.Root["channels"], StringComparer.Ordinal);
        var unmatched = after.Keys.ToList();
        foreach (var (id, channel) in released.Members(released.Root["channels"]))
        {
            var address = channel["address"].Text();
            var location = $"{released.Name} channel '{id}'";
            var matchId = after.ContainsKey(id) ? id : unmatched.FirstOrDefault(other => address is not null && after[other]["address"].Text() == address);
            if (matchId is null || !unmatched.Remove(matchId))
            {
                changes.Add(Severity.Breaking, location, "channel-removed", $"channel removed (address '{address}')");
                continue;
            }
            var match = after[matchId];
            if (matchId != id)
            {
                changes.Add(Severity.Info, location, "channel-renamed", $"channel id renamed to '{matchId}' (same address)");
            }
            if (match["address"].Text() != address)
            {
                changes.Add(Severity.Breaking, location, "channel-address-changed", $"address changed from '{address}' to '{match["address"].Text()}'");
            }
            Messages(released, channel, current, match, location, changes);
        }
        foreach (var id in unmatched)
        {
            changes.Add(Severity.Info, $"{current.Name} channel '{id}'", "channel-added", $"channel added (address '{after[id]["address"].Text()}')");
        }
    }

    private static void Messages(ContractDocument released, JsonObject channel, ContractDocument current, JsonObject match, string location, ChangeLog changes)
    {
        var before = released.ByName(channel["messages"], StringComparer.Ordinal);
        var after = current.ByName(match["messages"], StringComparer.Ordinal);
        foreach (var (id, message) in before)
        {
            var where = $"{location} message '{id}'";
            if (after.TryGetValue(id, out var kept))
            {
                MessageRules.Check(released, message, current, kept, where, changes);
            }
            else
            {
                changes.Add(Severity.Breaking, where, "message-removed", "message removed from the channel");
            }
        }
        foreach (var id in after.Keys.Where(m => !before.ContainsKey(m)))
        {
            changes.Add(Severity.Info, $"{location} message '{id}'", "message-added", "message added to the channel");
        }
    }
}
