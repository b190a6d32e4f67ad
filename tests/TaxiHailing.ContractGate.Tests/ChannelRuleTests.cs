using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

public sealed class ChannelRuleTests
{
    private static readonly string Released = Events.Document();

    [Fact]
    public void A_channel_removed_is_breaking()
    {
        var current = Gate.Edit(Released, d =>
        {
            d["channels"]!.AsObject().Remove("tripEvents");
            d["operations"]!.AsObject().Remove("publishTripEvents");
        });

        var changes = Events.Compare(Released, current);

        Assert.Equal("BREAKING taxihailing.json channel 'tripEvents': channel removed (address 'taxi.trips.events') (channel-removed)", changes.Breaking("channel-removed").ToString());
        changes.Breaking("async-operation-removed");
    }

    [Fact]
    public void A_channel_address_changed_is_breaking()
    {
        var current = Gate.Edit(Released, d => d["channels"]!["tripEvents"]!["address"] = "taxi.trips.events.v2");

        var changes = Events.Compare(Released, current);

        Assert.Equal("address changed from 'taxi.trips.events' to 'taxi.trips.events.v2'", changes.Breaking("channel-address-changed").Message);
        changes.Breaking("async-operation-channel-changed");
    }

    [Fact]
    public void A_channel_whose_id_changed_but_not_its_address_is_the_same_channel()
    {
        var current = Gate.Edit(Released, d =>
        {
            var channels = d["channels"]!.AsObject();
            var trips = channels["tripEvents"]!;
            channels.Remove("tripEvents");
            channels["trips"] = trips;
            d["operations"]!["publishTripEvents"]!["channel"]!["$ref"] = "#/channels/trips";
            d["operations"]!["publishTripEvents"]!["messages"]![0]!["$ref"] = "#/channels/trips/messages/tripCreated";
        });

        Events.Compare(Released, current).Additive("channel-renamed");
    }

    [Fact]
    public void A_message_removed_from_a_channel_is_breaking_and_one_added_is_additive()
    {
        var withCancelled = Gate.Edit(Released, d =>
        {
            d["channels"]!["tripEvents"]!["messages"]!["tripCancelled"] = JsonNode.Parse("""{ "$ref": "#/components/messages/tripCancelled" }""");
            d["components"]!["messages"]!["tripCancelled"] = JsonNode.Parse("""{ "name": "trips.trip-cancelled.v1", "payload": { "type": "object" } }""");
        });

        Assert.Equal("taxihailing.json channel 'tripEvents' message 'tripCancelled'", Events.Compare(withCancelled, Released).Breaking("message-removed").Location);
        Events.Compare(Released, withCancelled).Additive("message-added");
    }

    [Fact]
    public void A_new_channel_is_additive()
    {
        var current = Gate.Edit(Released, d => d["channels"]!["fareEvents"] = JsonNode.Parse("""{ "address": "taxi.fares.events", "messages": {} }"""));

        Events.Compare(Released, current).Additive("channel-added");
    }
}
