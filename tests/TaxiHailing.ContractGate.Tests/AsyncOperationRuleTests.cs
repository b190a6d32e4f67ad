using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

public sealed class AsyncOperationRuleTests
{
    private static readonly string Released = Events.Document();

    [Fact]
    public void An_operation_removed_is_breaking_and_one_added_is_additive()
    {
        var current = Gate.Edit(Released, d => d["operations"]!.AsObject().Remove("publishTripEvents"));

        Assert.Equal("send operation removed", Events.Compare(Released, current).Breaking("async-operation-removed").Message);
        Events.Compare(current, Released).Additive("async-operation-added");
    }

    [Fact]
    public void An_operation_action_changed_is_breaking()
    {
        var current = Gate.Edit(Released, d => d["operations"]!["publishTripEvents"]!["action"] = "receive");

        Events.Compare(Released, current).Breaking("async-operation-action-changed");
    }

    [Fact]
    public void A_message_removed_from_an_operation_is_breaking()
    {
        var current = Gate.Edit(Released, d => d["operations"]!["publishTripEvents"]!["messages"] = new JsonArray());

        Assert.Equal("message 'tripCreated' removed", Events.Compare(Released, current).Breaking("async-operation-message-removed").Message);
    }

    [Fact]
    public void A_reply_removed_is_breaking_and_one_added_is_additive()
    {
        var current = Gate.Edit(Released, d => d["operations"]!["confirmAssignment"]!.AsObject().Remove("reply"));

        Assert.Equal("taxihailing.json operation 'confirmAssignment' reply", Events.Compare(Released, current).Breaking("reply-removed").Location);
        Events.Compare(current, Released).Additive("reply-added");
    }

    [Fact]
    public void A_reply_message_removed_or_reply_address_changed_is_breaking()
    {
        var noMessage = Gate.Edit(Released, d => d["operations"]!["confirmAssignment"]!["reply"]!["messages"] = new JsonArray());
        var otherAddress = Gate.Edit(Released, d => d["operations"]!["confirmAssignment"]!["reply"]!["address"]!["location"] = "$message.header#/answer-to");

        Events.Compare(Released, noMessage).Breaking("reply-message-removed");
        Events.Compare(Released, otherAddress).Breaking("reply-address-changed");
    }
}
