using TaxiHailing.Passengers;

namespace TaxiHailing.Passengers.Tests;

public class RegisterPassengerBodyTests
{
    private const string ValidPhone = "+44 20 7946 0958";

    [Theory]
    [InlineData("Ada Lovelace", "+44 20 7946 0958")]
    [InlineData("A", "555-0100")]
    [InlineData("Grace Hopper", "+1 (555) 010-0199")]
    [InlineData("Jo", "123456")]
    [InlineData("Max", "12345678901234567890")]
    public void A_complete_registration_is_valid(string name, string phone)
    {
        Assert.Empty(new RegisterPassengerBody(name, phone).Validate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_name_is_required(string? name)
    {
        var errors = new RegisterPassengerBody(name, ValidPhone).Validate().ToList();

        var error = Assert.Single(errors);
        Assert.Equal("name", error.Field);
        Assert.Contains("required", error.Error);
    }

    [Fact]
    public void The_name_may_have_100_characters_but_not_101()
    {
        Assert.Empty(new RegisterPassengerBody(new string('n', 100), ValidPhone).Validate());

        var error = Assert.Single(new RegisterPassengerBody(new string('n', 101), ValidPhone).Validate());
        Assert.Equal("name", error.Field);
    }

    [Fact]
    public void The_name_is_measured_after_trimming()
    {
        var paddedName = "  " + new string('n', 100) + "  ";

        Assert.Empty(new RegisterPassengerBody(paddedName, ValidPhone).Validate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void The_phone_is_required(string? phone)
    {
        var error = Assert.Single(new RegisterPassengerBody("Ada", phone).Validate());

        Assert.Equal("phone", error.Field);
        Assert.Contains("required", error.Error);
    }

    [Theory]
    [InlineData("12345")]                  // too short
    [InlineData("123456789012345678901")]  // too long
    [InlineData("call me maybe")]          // letters
    [InlineData("555 0100 ext 7")]         // letters among digits
    [InlineData("44+ 20 7946 0958")]       // + not leading
    [InlineData("++44 20 7946")]           // two +
    [InlineData("(12) - (34)")]            // too few digits
    [InlineData("555.0100.123")]           // dots are not allowed
    public void An_implausible_phone_is_rejected(string phone)
    {
        var error = Assert.Single(new RegisterPassengerBody("Ada", phone).Validate());

        Assert.Equal("phone", error.Field);
    }

    [Fact]
    public void Every_invalid_field_is_reported()
    {
        var fields = new RegisterPassengerBody(null, "nope").Validate().Select(error => error.Field);

        Assert.Equal(["name", "phone"], fields);
    }

    [Fact]
    public void The_registration_is_trimmed()
    {
        var registration = new RegisterPassengerBody("  Ada Lovelace ", " 555-0100  ").ToRegistration();

        Assert.Equal(new PassengerRegistration("Ada Lovelace", "555-0100"), registration);
    }
}
