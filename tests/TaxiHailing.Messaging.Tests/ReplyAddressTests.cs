using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Messaging.Tests;

public class ReplyAddressTests
{
    private readonly Outbox _outbox = new(new MessageCatalog(), new PublishedChannels(new HashSet<Contracts.Channel> { DispatchChannels.Replies, TripsChannels.Events }));

    [Fact]
    public void A_reply_goes_to_the_declared_channel_its_reply_to_names()
    {
        Assert.Same(DispatchChannels.Replies, _outbox.ReplyChannel(new ReplyAddress("taxi.dispatch.replies", "offer-1")));
    }

    [Theory]
    [InlineData("taxi.payments.commands")]
    [InlineData("taxi.dispatch.replies.dlq")]
    [InlineData("")]
    public void A_reply_to_a_channel_the_service_did_not_declare_is_an_invalid_message(string topic)
    {
        var refused = Assert.Throws<InvalidMessageException>(() => _outbox.ReplyChannel(new ReplyAddress(topic, "offer-1")));

        Assert.Contains($"Replies to {topic} are not allowed", refused.Message);
    }
}
