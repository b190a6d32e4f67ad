using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Drivers.Tests;

public class RegisterDriverBodyTests
{
    private static readonly VehicleBody ValidVehicle = new("Toyota", "Prius", "Silver", "LD21 XTR");

    private static List<(string Field, string Error)> Errors(string? name, VehicleBody? vehicle) =>
        new RegisterDriverBody(name, vehicle).Validate().ToList();

    private static (string Field, string Error) SingleError(VehicleBody vehicle) => Assert.Single(Errors("Dara Okafor", vehicle));

    [Theory]
    [InlineData("Dara Okafor", "Toyota", "Prius", "Silver", "LD21 XTR")]
    [InlineData("A", "LEVC", "TX", "Black", "ab")]
    [InlineData("Jo", "Kia", "Niro", "Blue", "AB-123-CD")]
    [InlineData("Max", "Tesla", "Model 3", "White", "123456789012")]
    [InlineData("Zoe", "Ford", "Galaxy", "Grey", "  ab19   cde ")]
    public void A_complete_registration_is_valid(string name, string make, string model, string colour, string plate)
    {
        Assert.Empty(Errors(name, new VehicleBody(make, model, colour, plate)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_name_is_required(string? name)
    {
        var error = Assert.Single(Errors(name, ValidVehicle));

        Assert.Equal("name", error.Field);
        Assert.Contains("required", error.Error);
    }

    [Fact]
    public void The_name_may_have_100_characters_once_trimmed_but_not_101()
    {
        Assert.Empty(Errors("  " + new string('n', 100) + "  ", ValidVehicle));

        var error = Assert.Single(Errors(new string('n', 101), ValidVehicle));
        Assert.Equal("name", error.Field);
        Assert.Contains("100", error.Error);
    }

    [Fact]
    public void The_vehicle_is_required()
    {
        var error = Assert.Single(Errors("Dara Okafor", null));

        Assert.Equal("vehicle", error.Field);
        Assert.Contains("required", error.Error);
    }

    [Theory]
    [InlineData(null, "Prius", "Silver", "LD21 XTR", "vehicle.make")]
    [InlineData(" ", "Prius", "Silver", "LD21 XTR", "vehicle.make")]
    [InlineData("Toyota", null, "Silver", "LD21 XTR", "vehicle.model")]
    [InlineData("Toyota", "", "Silver", "LD21 XTR", "vehicle.model")]
    [InlineData("Toyota", "Prius", null, "LD21 XTR", "vehicle.colour")]
    [InlineData("Toyota", "Prius", "\t", "LD21 XTR", "vehicle.colour")]
    [InlineData("Toyota", "Prius", "Silver", null, "vehicle.plate")]
    [InlineData("Toyota", "Prius", "Silver", "  ", "vehicle.plate")]
    public void Every_vehicle_field_is_required(string? make, string? model, string? colour, string? plate, string field)
    {
        var error = SingleError(new VehicleBody(make, model, colour, plate));

        Assert.Equal(field, error.Field);
        Assert.Contains("required", error.Error);
    }

    [Theory]
    [InlineData(VehicleBody.MaxMakeLength, 0, 0)]
    [InlineData(0, VehicleBody.MaxModelLength, 0)]
    [InlineData(0, 0, VehicleBody.MaxColourLength)]
    public void Vehicle_texts_may_reach_their_limits(int makeLength, int modelLength, int colourLength)
    {
        var vehicle = new VehicleBody(
            makeLength > 0 ? new string('m', makeLength) : "Toyota",
            modelLength > 0 ? new string('m', modelLength) : "Prius",
            colourLength > 0 ? new string('c', colourLength) : "Silver",
            "LD21 XTR");

        Assert.Empty(Errors("Dara Okafor", vehicle));
    }

    [Theory]
    [InlineData("vehicle.make", VehicleBody.MaxMakeLength)]
    [InlineData("vehicle.model", VehicleBody.MaxModelLength)]
    [InlineData("vehicle.colour", VehicleBody.MaxColourLength)]
    public void Vehicle_texts_may_not_exceed_their_limits(string field, int maxLength)
    {
        var tooLong = new string('x', maxLength + 1);
        var vehicle = field switch
        {
            "vehicle.make" => ValidVehicle with { Make = tooLong },
            "vehicle.model" => ValidVehicle with { Model = tooLong },
            _ => ValidVehicle with { Colour = tooLong },
        };

        var error = SingleError(vehicle);

        Assert.Equal(field, error.Field);
        Assert.Contains($"at most {maxLength}", error.Error);
    }

    [Theory]
    [InlineData("A")]               // too short
    [InlineData("1234567890123")]   // too long
    [InlineData("#!")]              // symbols
    [InlineData("LD21.XTR")]        // dots are not separators
    [InlineData("LD21--XTR")]       // two separators in a row
    [InlineData("-LD21")]           // a leading separator
    [InlineData("LD21-")]           // a trailing separator
    [InlineData("MÜ 1234")]         // letters beyond A-Z
    public void An_implausible_plate_is_rejected(string plate)
    {
        var error = SingleError(ValidVehicle with { Plate = plate });

        Assert.Equal("vehicle.plate", error.Field);
        Assert.Contains("letters A-Z and digits", error.Error);
    }

    [Fact]
    public void Every_invalid_field_is_reported_in_order()
    {
        var fields = Errors(" ", new VehicleBody(null, "", " ", "?")).Select(error => error.Field);

        Assert.Equal(["name", "vehicle.make", "vehicle.model", "vehicle.colour", "vehicle.plate"], fields);
    }

    [Fact]
    public void The_registration_is_trimmed_and_the_plate_written_as_on_the_vehicle()
    {
        var registration = new RegisterDriverBody("  Dara Okafor ", new VehicleBody(" Toyota ", " Prius", "Silver  ", " ld21 \t xtr ")).ToRegistration();

        Assert.Equal(new DriverRegistration("Dara Okafor", new Vehicle("Toyota", "Prius", "Silver", "LD21 XTR")), registration);
    }
}
