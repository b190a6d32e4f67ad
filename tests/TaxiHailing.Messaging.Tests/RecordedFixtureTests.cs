using System.Reflection;
using TaxiHailing.Testing;

namespace TaxiHailing.Messaging.Tests;

/// <summary>
/// The recorded messages (contracts/messages/fixtures) cover every message type in Contracts, each on the channel
/// that carries it, and each reads back whole. The services' tests replay the same files to their real consumers.
/// </summary>
public sealed class RecordedFixtureTests
{
    private static readonly IReadOnlyList<Type> MessageTypes = Contract.MessageTypes;

    [Fact]
    public void Every_message_type_in_contracts_has_a_recorded_fixture()
    {
        Assert.True(MessageTypes.Count >= 19, $"only {MessageTypes.Count} message types found: is the reflection looking in the right place?");
        var missing = MessageTypes.Select(FixtureReading.NameOf).Where(name => !RecordedMessages.Of(name).Any(fixture => fixture.Case == "recorded"));

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_fixture_is_of_a_message_type_in_contracts_on_the_channel_that_carries_it()
    {
        var names = MessageTypes.Select(FixtureReading.NameOf).ToHashSet();
        var misplaced = RecordedMessages.All.Where(fixture =>
            !names.Contains(fixture.MessageType) || Contract.Channels.Single(channel => channel.MessageTypes.Contains(fixture.MessageType)).Topic != fixture.Topic);

        Assert.NotEmpty(RecordedMessages.All);
        Assert.Empty(misplaced.Select(fixture => fixture.ToString()));
    }

    [Fact]
    public void Every_fixture_has_a_message_id_of_its_own_so_that_replaying_them_all_handles_each()
    {
        Assert.Equal(RecordedMessages.All.Count, RecordedMessages.All.Select(fixture => fixture.MessageId).Distinct().Count());
    }

    [Fact]
    public void Every_fixture_reads_into_its_type_with_every_recorded_value()
    {
        var catalog = new MessageCatalog();
        var register = typeof(MessageCatalog).GetMethod("Register", BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in MessageTypes) register.MakeGenericMethod(type).Invoke(catalog, null);

        var problems = FixtureReading.Problems(catalog);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static bool HasOptionalFields(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(property =>
        new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable
        || (property.PropertyType.Assembly == type.Assembly && property.PropertyType.IsClass && HasOptionalFields(property.PropertyType)));

    [Fact]
    public void The_consumers_robustness_cases_are_recorded_and_trip_created_v1_has_an_old_message()
    {
        Assert.All(MessageTypes.Select(FixtureReading.NameOf), name => Assert.Contains(RecordedMessages.Of(name), f => f.Case == RecordedMessage.ExtraFields));
        var withOptionalFields = MessageTypes.Where(HasOptionalFields).Select(FixtureReading.NameOf).ToList();
        Assert.Contains("trips.trip-created.v2", withOptionalFields);
        Assert.All(withOptionalFields, name => Assert.Contains(RecordedMessages.Of(name), f => f.Case == "missing-optional"));
        Assert.Contains(RecordedMessages.Of("trips.trip-created.v1"), f => f.Case == "old-recorded");
    }
}
