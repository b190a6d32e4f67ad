using Microsoft.Extensions.DependencyInjection;
using TaxiHailing.Messaging;
using TaxiHailing.Testing;

namespace TaxiHailing.Trips.Tests;

/// <summary>
/// Trip Management's consumer, as it runs, against the recorded messages of every type it subscribes to (the
/// Dispatcher's outcomes and the drivers' trip steps: every type on those channels), replayed over the Kafka protocol
/// by <see cref="TripsService"/>.
/// </summary>
[Collection(TripsServiceCollection.Name)]
public sealed class RecordedMessageTests(TripsService trips)
{
    [Fact]
    public void Its_catalogue_reads_every_recorded_message_of_every_type_it_subscribes_to()
    {
        var catalog = trips.Services.GetRequiredService<MessageCatalog>();

        var problems = FixtureReading.Problems(catalog);

        Assert.Contains("dispatch.driver-assigned.v1", catalog.MessageTypes);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_recorded_message_of_a_type_it_subscribes_to_is_handled_by_its_handler()
    {
        var processed = (await trips.Traffic.ProcessedAsync()).Select(message => message.ToString()).ToHashSet();

        Assert.Contains(trips.Traffic.Read, message => message.MessageType == "drivers.passenger-dropped-off.v1");
        Assert.All(trips.Traffic.Read, message => Assert.Contains(message.ToString(), processed));
        Assert.DoesNotContain(trips.Traffic.DeadLetters(), dead => RecordedMessages.All.Any(m => dead.Contains(m.MessageId.ToString())));
    }
}
