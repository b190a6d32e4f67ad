using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Messaging.Tests;

/// <summary>How a consumer settles a message type its channel does not declare (the consumer runs this in MessageConsumer).</summary>
public sealed class UndeclaredMessageTypeTests
{
    private static readonly string[] ReadsV2 = [TripCreatedV2.MessageType, TripCancelled.MessageType];

    [Fact]
    public void A_newer_version_of_a_message_the_consumer_reads_is_an_unsupported_version_to_replay_after_an_upgrade()
    {
        var settled = UndeclaredMessageTypes.Settle(TripsChannels.Events, ReadsV2, "trips.trip-created.v3");

        Assert.Equal(("unsupported-version",
            "trips.trip-created.v3 is a version of trips.trip-created this consumer does not read (it reads v2); upgrade the consumer, then replay this dead letter."),
            settled);
    }

    [Fact]
    public void A_version_the_channel_no_longer_carries_is_an_unsupported_version_too()
    {
        var settled = UndeclaredMessageTypes.Settle(TripsChannels.Events with { MessageTypes = [TripCreatedV2.MessageType] }, ReadsV2, "trips.trip-created.v1");

        Assert.Equal(("unsupported-version",
            "trips.trip-created.v1 is a version of trips.trip-created this consumer does not read (it reads v2); taxi.trips.events no longer carries it: it was published before that version left the channel, or by a producer that should have stopped."),
            settled);
    }

    [Fact]
    public void An_unknown_version_of_a_family_the_consumer_ignores_is_skipped_as_every_version_of_it_is()
    {
        Assert.Null(UndeclaredMessageTypes.Settle(TripsChannels.Events, ReadsV2, "trips.trip-completed.v2"));
    }

    [Theory]
    [InlineData("trips.trip-teleported.v1")]
    [InlineData("dispatch.driver-assigned.v1")]
    [InlineData("TripCreated")]
    public void A_family_the_channel_does_not_carry_is_an_unknown_message_type(string messageType)
    {
        Assert.Equal(("unknown-message-type", $"{messageType} is not a message of taxi.trips.events."),
            UndeclaredMessageTypes.Settle(TripsChannels.Events, ReadsV2, messageType));
    }
}
