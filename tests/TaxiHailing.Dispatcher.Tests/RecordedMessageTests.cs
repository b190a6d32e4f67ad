using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;
using TaxiHailing.Testing;

namespace TaxiHailing.Dispatcher.Tests;

/// <summary>
/// The Dispatcher's consumer, as it runs, against the recorded messages of every type it subscribes to (replayed over
/// the Kafka protocol by <see cref="DispatcherService"/>): it reads trips.trip-created.v2 and skips the v1 beside it.
/// </summary>
[Collection(DispatcherServiceCollection.Name)]
public sealed class RecordedMessageTests(DispatcherService dispatcher)
{
    private const string TripCreatedV3 = "trips.trip-created.v3";

    [Fact]
    public void Its_catalogue_reads_every_recorded_message_of_every_type_it_subscribes_to()
    {
        var catalog = dispatcher.Services.GetRequiredService<MessageCatalog>();

        var problems = FixtureReading.Problems(catalog);

        Assert.Contains(TripCreatedV2.MessageType, catalog.MessageTypes);
        Assert.DoesNotContain(TripCreated.MessageType, catalog.MessageTypes);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_recorded_trip_created_v2_reads_with_its_places_product_and_fare_estimate()
    {
        var fixture = RecordedMessages.Get(TripCreatedV2.MessageType, "recorded");

        var trip = Assert.IsType<TripCreatedV2>(dispatcher.Services.GetRequiredService<MessageCatalog>().Deserialize(fixture.MessageType, fixture.BodyBytes));

        Assert.Equal(Guid.Parse(fixture.Key), trip.TripId);
        Assert.Equal(new Place(new GeoPoint(51.5007, -0.1246), "Westminster Bridge Rd, London SE1 7PB"), trip.Pickup);
        Assert.Equal(new Place(new GeoPoint(51.5155, -0.0922), "Bank Station, London EC3V 3LA"), trip.Dropoff);
        Assert.Equal((RideProduct.Xl, new Fare(23.40m, "GBP")), (trip.Product, trip.FareEstimate));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 15, 2, 483, 117, TimeSpan.Zero), trip.RequestedAt);
    }

    [Fact]
    public async Task Every_recorded_message_of_a_type_it_subscribes_to_is_handled_by_its_handler()
    {
        var processed = (await dispatcher.Traffic.ProcessedAsync()).Select(message => message.ToString()).ToHashSet();

        Assert.Contains(dispatcher.Traffic.Read, message => message.MessageType == TripCreatedV2.MessageType);
        Assert.All(dispatcher.Traffic.Read, message => Assert.Contains(message.ToString(), processed));
        Assert.DoesNotContain(dispatcher.Traffic.DeadLetters(), dead => RecordedMessages.All.Any(m => dead.Contains(m.MessageId.ToString())));
    }

    [Fact]
    public async Task The_trip_created_v1_published_beside_v2_is_skipped_not_dead_lettered()
    {
        var v1 = RecordedMessages.Of(TripCreated.MessageType);

        var processed = await dispatcher.Traffic.ProcessedAsync();

        Assert.Equal(3, v1.Count);
        Assert.All(v1, message => Assert.Contains(message, dispatcher.Traffic.NotRead));
        Assert.DoesNotContain(processed, message => message.MessageType == TripCreated.MessageType);
        Assert.DoesNotContain(dispatcher.Traffic.DeadLetters(), dead => dead.StartsWith(TripCreated.MessageType, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("recorded")]
    [InlineData("missing-optional")]
    [InlineData("extra-fields")]
    public async Task A_trip_from_v2_is_dispatched_with_its_ride_product_and_fare_estimate_shown(string @case)
    {
        var trip = RecordedMessages.Get(TripCreatedV2.MessageType, @case);
        using var http = dispatcher.ClientAs(Guid.NewGuid(), CallerRoles.Operator);

        var view = await http.GetFromJsonAsync<JsonObject>($"/v1/dispatches/{trip.Key}");

        Assert.Equal("xl", view!["product"]!.GetValue<string>());
        Assert.Equal(23.40m, view["fareEstimate"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("GBP", view["fareEstimate"]!["currency"]!.GetValue<string>());
        Assert.Contains(view["stage"]!.GetValue<string>(), new[] { "offering", "confirming", "unserved" });
    }

    [Fact]
    public async Task A_version_of_trip_created_it_does_not_read_lands_on_the_dead_letter_topic_as_unsupported_version()
    {
        var recorded = RecordedMessages.Get(TripCreatedV2.MessageType, "recorded");
        var messageId = Guid.CreateVersion7().ToString();

        var sent = await dispatcher.Kafka.ReplayAsync(recorded,
            new Dictionary<string, string> { [MessageHeaders.MessageType] = TripCreatedV3, [MessageHeaders.MessageId] = messageId });

        var deadLetter = await EventuallyAsync(() => dispatcher.Kafka.ReadAll(TripsChannels.Events.DeadLetterTopic)
            .SingleOrDefault(message => BrokerClient.Header(message, MessageHeaders.MessageId) == messageId));
        Assert.Equal("unsupported-version", BrokerClient.Header(deadLetter, MessageHeaders.DeadLetterReason));
        Assert.Equal(
            "trips.trip-created.v3 is a version of trips.trip-created this consumer does not read (it reads v2); upgrade the consumer, then replay this dead letter.",
            BrokerClient.Header(deadLetter, MessageHeaders.DeadLetterError));
        Assert.Equal("dispatcher", BrokerClient.Header(deadLetter, MessageHeaders.DeadLetterConsumer));
        Assert.Equal((TripsChannels.Events.Topic, sent.Offset.Value.ToString()),
            (BrokerClient.Header(deadLetter, MessageHeaders.DeadLetterTopic), BrokerClient.Header(deadLetter, MessageHeaders.DeadLetterOffset)));
        Assert.Equal(recorded.Body, System.Text.Encoding.UTF8.GetString(deadLetter.Message.Value));
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> find) where T : class
    {
        var deadline = DateTime.UtcNow + RecordedTraffic.Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (find() is { } found) return found;
            await Task.Delay(250);
        }

        Assert.Fail($"Not found within {RecordedTraffic.Patience.TotalSeconds:0} s");
        return null!;
    }
}
