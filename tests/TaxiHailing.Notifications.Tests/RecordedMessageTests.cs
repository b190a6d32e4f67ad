using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;
using TaxiHailing.Testing;

namespace TaxiHailing.Notifications.Tests;

/// <summary>
/// Notifications' consumer, as it runs, against the recorded messages of every type it subscribes to (replayed over
/// the Kafka protocol by <see cref="NotificationsService"/>): it is the consumer still on trips.trip-created.v1, and
/// skips the v2 beside it.
/// </summary>
[Collection(NotificationsServiceCollection.Name)]
public sealed class RecordedMessageTests(NotificationsService notifications)
{
    [Fact]
    public void Its_catalogue_reads_every_recorded_message_of_every_type_it_subscribes_to()
    {
        var catalog = notifications.Services.GetRequiredService<MessageCatalog>();

        var problems = FixtureReading.Problems(catalog);

        Assert.Contains(TripCreated.MessageType, catalog.MessageTypes);
        Assert.DoesNotContain(TripCreatedV2.MessageType, catalog.MessageTypes);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_recorded_message_of_a_type_it_subscribes_to_is_handled_by_its_handler()
    {
        var processed = (await notifications.Traffic.ProcessedAsync()).Select(message => message.ToString()).ToHashSet();

        Assert.Contains(notifications.Traffic.Read, message => message.Case == "old-recorded");
        Assert.All(notifications.Traffic.Read, message => Assert.Contains(message.ToString(), processed));
        Assert.DoesNotContain(notifications.Traffic.DeadLetters(), dead => RecordedMessages.All.Any(m => dead.Contains(m.MessageId.ToString())));
    }

    [Fact]
    public async Task The_trip_created_v2_published_beside_v1_is_skipped_not_dead_lettered()
    {
        var v2 = RecordedMessages.Of(TripCreatedV2.MessageType);

        var processed = await notifications.Traffic.ProcessedAsync();

        Assert.Equal(3, v2.Count);
        Assert.All(v2, message => Assert.Contains(message, notifications.Traffic.NotRead));
        Assert.DoesNotContain(processed, message => message.MessageType == TripCreatedV2.MessageType);
        Assert.DoesNotContain(notifications.Traffic.DeadLetters(), dead => dead.StartsWith(TripCreatedV2.MessageType, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("recorded")]
    [InlineData("old-recorded")]
    [InlineData("extra-fields")]
    public async Task A_recorded_trip_created_v1_tells_its_passenger_the_trip_was_requested(string @case)
    {
        var fixture = RecordedMessages.Get(TripCreated.MessageType, @case);
        using var body = JsonDocument.Parse(fixture.Body);
        var (tripId, passengerId) = (body.RootElement.GetProperty("tripId").GetGuid(), body.RootElement.GetProperty("passengerId").GetGuid());
        var pickup = body.RootElement.GetProperty("pickup");

        await using var trip = notifications.Database.CreateCommand("SELECT passenger_id, pickup_lat, pickup_lng FROM trips WHERE trip_id = $1");
        trip.Parameters.Add(new Npgsql.NpgsqlParameter { Value = tripId });
        await using (var reader = await trip.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync(), $"Notifications does not know trip {tripId}");
            Assert.Equal((passengerId, pickup.GetProperty("lat").GetDouble(), pickup.GetProperty("lng").GetDouble()),
                (reader.GetGuid(0), reader.GetDouble(1), reader.GetDouble(2)));
        }

        await using var requested = notifications.Database.CreateCommand(
            "SELECT count(*) FROM notifications WHERE trip_id = $1 AND recipient_kind = 'passenger' AND recipient_id = $2 AND kind = 'trip-requested'");
        requested.Parameters.Add(new Npgsql.NpgsqlParameter { Value = tripId });
        requested.Parameters.Add(new Npgsql.NpgsqlParameter { Value = passengerId });
        Assert.Equal(1L, await requested.ExecuteScalarAsync());
    }
}
