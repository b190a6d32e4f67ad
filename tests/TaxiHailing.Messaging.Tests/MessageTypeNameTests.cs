namespace TaxiHailing.Messaging.Tests;

public sealed class MessageTypeNameTests
{
    [Theory]
    [InlineData("trips.trip-created.v1", "trips.trip-created", 1)]
    [InlineData("trips.trip-created.v2", "trips.trip-created", 2)]
    [InlineData("dispatch.confirm-assignment.v12", "dispatch.confirm-assignment", 12)]
    public void A_name_is_a_family_and_a_major_version(string name, string family, int version)
    {
        var parsed = MessageTypeName.TryParse(name);

        Assert.Equal(new MessageTypeName(family, version), parsed);
        Assert.Equal(name, parsed.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("trips.trip-created")]
    [InlineData("trips.trip-created.v")]
    [InlineData("trips.trip-created.v0")]
    [InlineData("trips.trip-created.v01")]
    [InlineData("trips.trip-created.v2beta")]
    [InlineData("trips.trip-created.v-1")]
    [InlineData(".v1")]
    [InlineData("TripCreated")]
    public void Anything_else_is_not_a_message_type_name(string? name)
    {
        Assert.Null(MessageTypeName.TryParse(name));
    }
}
