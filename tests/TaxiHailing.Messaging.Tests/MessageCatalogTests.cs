using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Messaging.Tests;

public sealed class MessageCatalogTests
{
    private static MessageCatalog CatalogHandling<T, THandler>(Channel channel) where T : class, IMessage where THandler : class, IMessageHandler<T>
    {
        var messaging = new MessagingBuilder(new ServiceCollection());
        messaging.Subscribe<T, THandler>(channel);
        return messaging.Catalog;
    }

    [Fact]
    public void A_message_round_trips_through_its_stable_name_as_camel_case_json()
    {
        var catalog = CatalogHandling<TripCreated, IgnoreTripCreated>(TripsChannels.Events);
        var created = new TripCreated(Guid.NewGuid(), Guid.NewGuid(), new GeoPoint(51.5, -0.12), new GeoPoint(51.52, -0.1), DateTimeOffset.UnixEpoch);

        var body = catalog.Serialize(created);

        Assert.Contains("\"passengerId\"", Encoding.UTF8.GetString(body));
        Assert.Equal(created, catalog.Deserialize("trips.trip-created.v1", body));
    }

    [Fact]
    public void A_reader_ignores_fields_it_does_not_know_and_defaults_missing_ones()
    {
        var catalog = CatalogHandling<TripUnserved, IgnoreTripUnserved>(DispatchChannels.Events);
        var tripId = Guid.NewGuid();

        var unserved = (TripUnserved)catalog.Deserialize("dispatch.trip-unserved.v1",
            Encoding.UTF8.GetBytes($$"""{ "tripId": "{{tripId}}", "reason": "no taxis", "surgeMultiplier": 2.5 }"""));

        Assert.Equal(tripId, unserved.TripId);
        Assert.Equal("no taxis", unserved.Reason);
        Assert.Equal(default, unserved.DecidedAt);
    }

    [Theory]
    [InlineData("{ \"tripId\": ")]
    [InlineData("null")]
    [InlineData("{ \"tripId\": 42 }")]
    public void A_body_that_is_not_the_named_message_is_a_json_error(string body)
    {
        var catalog = CatalogHandling<TripUnserved, IgnoreTripUnserved>(DispatchChannels.Events);

        Assert.ThrowsAny<JsonException>(() => catalog.Deserialize("dispatch.trip-unserved.v1", Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Subscribing_to_a_type_on_a_channel_that_does_not_carry_it_is_refused()
    {
        var messaging = new MessagingBuilder(new ServiceCollection());

        var refusal = Assert.Throws<InvalidOperationException>(() => messaging.Subscribe<DriverAssigned, IgnoreDriverAssigned>(TripsChannels.Events));

        Assert.Contains("not a message of channel taxi.trips.events", refusal.Message);
    }

    [Fact]
    public void Subscribing_to_two_versions_of_one_message_is_refused()
    {
        var messaging = new MessagingBuilder(new ServiceCollection()).Subscribe<TripCreated, IgnoreTripCreated>(TripsChannels.Events);

        var refusal = Assert.Throws<InvalidOperationException>(() => messaging.Subscribe<TripCreatedV2, IgnoreTripCreatedV2>(TripsChannels.Events));

        Assert.Equal("trips.trip-created.v2: this service reads trips.trip-created.v1 already, and reads one version of a message.", refusal.Message);
    }

    private sealed class IgnoreTripCreatedV2 : IMessageHandler<TripCreatedV2>
    {
        public Task HandleAsync(TripCreatedV2 message, MessageContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class IgnoreTripCreated : IMessageHandler<TripCreated>
    {
        public Task HandleAsync(TripCreated message, MessageContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class IgnoreTripUnserved : IMessageHandler<TripUnserved>
    {
        public Task HandleAsync(TripUnserved message, MessageContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class IgnoreDriverAssigned : IMessageHandler<DriverAssigned>
    {
        public Task HandleAsync(DriverAssigned message, MessageContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
