using System.Security.Cryptography;
using System.Text;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Drivers;

/// <summary>A driver of the simulated fleet, as registered, and where and in which direction they start.</summary>
public sealed record SimulatedDriver(int Index, Guid Id, DriverRegistration Registration, GeoPoint Start, double StartHeading)
{
    /// <summary>The key under which the driver registers, so that a restart finds the driver instead of registering again.</summary>
    public string IdempotencyKey => $"simulated-driver:{Id}";
}

/// <summary>
/// Makes up the simulated fleet. Driver number <c>i</c> of seed <c>s</c> is always the same driver (id, name,
/// vehicle, plate, start): it depends only on (s, i), so growing the fleet keeps the drivers it had. Plates are
/// unique within a seed by construction.
/// </summary>
public static class SimulatedFleet
{
    private static readonly string[] FirstNames =
    [
        "Amara", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Hamza", "Isla", "Jack", "Kiran", "Leah", "Mohammed",
        "Niamh", "Oliver", "Priya", "Quentin", "Ruby", "Samir", "Tariq", "Uma", "Vikram", "Wendy", "Xavier", "Yasmin", "Zoe",
    ];

    private static readonly string[] Surnames =
    [
        "Adeyemi", "Brown", "Chen", "Davies", "Evans", "Fernandes", "Green", "Hussain", "Ivanova", "Jones", "Khan", "Lewis",
        "Murphy", "Nowak", "O'Connor", "Patel", "Quinn", "Rossi", "Singh", "Taylor", "Uddin", "Walker", "Wright", "Young",
    ];

    private static readonly (string Make, string Model)[] Models =
    [
        ("Toyota", "Prius"), ("Toyota", "Corolla"), ("Kia", "Niro"), ("Hyundai", "Ioniq 5"), ("Skoda", "Octavia"),
        ("Volkswagen", "Passat"), ("Mercedes-Benz", "E-Class"), ("Ford", "Galaxy"), ("LEVC", "TX"), ("Tesla", "Model 3"),
    ];

    private static readonly string[] Colours = ["Black", "Silver", "White", "Grey", "Blue", "Red"];

    // UK plates: two letters, an age identifier (19 = March 2019, 69 = September 2019), three letters; no I, Q or Z.
    private const string PlateLetters = "ABCDEFGHJKLMNOPRSTUVWXY";
    private const int PlateLetterCount = 5;
    private static readonly long PlateLetterCombinations = (long)Math.Pow(PlateLetters.Length, PlateLetterCount);
    private static readonly int[] AgeIdentifiers = [.. Enumerable.Range(15, 10), .. Enumerable.Range(65, 10)];

    public static IReadOnlyList<SimulatedDriver> Generate(SimulationOptions options) =>
        [.. Enumerable.Range(0, options.Size).Select(index => Driver(options, index))];

    public static SimulatedDriver Driver(SimulationOptions options, int index)
    {
        var hash = Hash($"driver {options.Seed} {index}");
        var random = new Random(BitConverter.ToInt32(hash, 16));
        var name = $"{Pick(random, FirstNames)} {Pick(random, Surnames)}";
        var (make, model) = Pick(random, Models);
        var vehicle = new Vehicle(make, model, Pick(random, Colours), Plate(options.Seed, index, random));
        // Uniform over the disc's area, not its radius: the distance from the centre goes as the square root of a
        // uniform draw, otherwise drivers would crowd the centre.
        var start = GreatCircle.Destination(options.Center, random.NextDouble() * 2 * Math.PI, options.RadiusKm * Math.Sqrt(random.NextDouble()));
        return new SimulatedDriver(index, DriverId(options.Seed, index), new DriverRegistration(name, vehicle), start, random.NextDouble() * 2 * Math.PI);
    }

    /// <summary>A version-8 (name-based, SHA-256) UUID of the seed and the driver's number.</summary>
    public static Guid DriverId(int seed, int index)
    {
        var bytes = Hash($"driver {seed} {index}").AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    // The letters spell (a * index + b) mod 23^5 in base 23: with a prime to 23 that is one-to-one on the indices,
    // so no two drivers of a seed share letters, while a and b, drawn from the seed, keep plates looking random.
    private static string Plate(int seed, int index, Random random)
    {
        var hash = Hash($"plates {seed}");
        var a = (long)(BitConverter.ToUInt32(hash, 0) % (PlateLetterCombinations - 1)) + 1;
        if (a % PlateLetters.Length == 0) a++;
        var b = (long)(BitConverter.ToUInt32(hash, 4) % PlateLetterCombinations);
        var value = (a * index + b) % PlateLetterCombinations;
        Span<char> letters = stackalloc char[PlateLetterCount];
        for (var i = PlateLetterCount - 1; i >= 0; i--)
        {
            letters[i] = PlateLetters[(int)(value % PlateLetters.Length)];
            value /= PlateLetters.Length;
        }

        return $"{new string(letters[..2])}{Pick(random, AgeIdentifiers):00} {new string(letters[2..])}";
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes($"TaxiHailing.Drivers simulated {text}"));

    private static T Pick<T>(Random random, T[] choices) => choices[random.Next(choices.Length)];
}
