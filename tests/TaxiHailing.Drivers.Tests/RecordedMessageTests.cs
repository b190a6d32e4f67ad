using Microsoft.Extensions.DependencyInjection;
using TaxiHailing.Messaging;
using TaxiHailing.Testing;

namespace TaxiHailing.Drivers.Tests;

/// <summary>
/// The Drivers service's consumer, as it runs, against the recorded messages of every type it subscribes to,
/// replayed once over the Kafka protocol.
/// </summary>
[Collection(DriversServiceCollection.Name)]
public sealed class RecordedMessageTests(DriversService drivers)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static RecordedTraffic? _traffic;

    [Fact]
    public void Its_catalogue_reads_every_recorded_message_of_every_type_it_subscribes_to()
    {
        var problems = FixtureReading.Problems(drivers.Services.GetRequiredService<MessageCatalog>());

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_recorded_message_of_a_type_it_subscribes_to_is_handled_by_its_handler()
    {
        var traffic = await ReplayedAsync();

        var processed = (await traffic.ProcessedAsync()).Select(message => message.ToString()).ToHashSet();

        Assert.Contains(traffic.Read, message => message.MessageType == "dispatch.trip-offered.v1");
        Assert.All(traffic.Read, message => Assert.Contains(message.ToString(), processed));
        Assert.DoesNotContain(traffic.DeadLetters(), dead => RecordedMessages.All.Any(m => dead.Contains(m.MessageId.ToString())));
    }

    [Fact]
    public async Task The_recorded_messages_of_types_it_does_not_read_are_skipped()
    {
        var traffic = await ReplayedAsync();

        var processed = await traffic.ProcessedAsync();

        Assert.Contains(traffic.NotRead, message => message.MessageType == "trips.trip-created.v2");
        Assert.All(traffic.NotRead, message => Assert.DoesNotContain(message, processed));
    }

    private async Task<RecordedTraffic> ReplayedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_traffic is null)
            {
                var settings = drivers.Services.GetRequiredService<KafkaSettings>();
                var traffic = new RecordedTraffic(drivers.Services.GetRequiredService<MessageCatalog>(), settings,
                    new BrokerClient(settings.BootstrapServers), drivers.Database);
                await traffic.ReplayAsync();
                _traffic = traffic;
            }

            return _traffic;
        }
        finally
        {
            Once.Release();
        }
    }
}
