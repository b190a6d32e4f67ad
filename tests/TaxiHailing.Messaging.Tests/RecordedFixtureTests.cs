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

    [Fact]
    public void Every_recorded_message_has_every_required_field_of_its_type()
    {
        var lacking = RecordedMessages.All.SelectMany(fixture =>
        {
            using var body = System.Text.Json.JsonDocument.Parse(fixture.Body);
            var type = MessageTypes.Single(type => FixtureReading.NameOf(type) == fixture.MessageType);
            return RequiredFieldsMissing(body.RootElement, type, "").Select(path => $"{fixture}: lacks {path}, which is not optional").ToList();
        }).ToList();

        Assert.True(lacking.Count == 0, string.Join(Environment.NewLine, lacking)
            + $"{Environment.NewLine}A field recorded messages lack must be optional (nullable); a required one needs a new version of the message.");
    }

    private static IEnumerable<string> RequiredFieldsMissing(System.Text.Json.JsonElement json, Type type, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable) continue;
            if (!json.TryGetProperty(name, out var value)) yield return path + name;
            else if (property.PropertyType.Assembly == type.Assembly && property.PropertyType.IsClass)
            {
                foreach (var nested in RequiredFieldsMissing(value, property.PropertyType, $"{path}{name}.")) yield return nested;
            }
        }
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
