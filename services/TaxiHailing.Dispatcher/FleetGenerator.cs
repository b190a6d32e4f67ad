using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// Makes up a fleet from a seeded <see cref="Random"/>: the same options give the same drivers, ids, vehicles,
/// plates and positions every time, so every environment starts from a known fleet.
/// </summary>
public static class FleetGenerator
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
        ("Toyota", "Prius"), ("Toyota", "Corolla"), ("Toyota", "Camry"), ("Kia", "Niro"), ("Hyundai", "Ioniq 5"),
        ("Skoda", "Octavia"), ("Skoda", "Superb"), ("Volkswagen", "Passat"), ("Mercedes-Benz", "E-Class"),
        ("Ford", "Galaxy"), ("LEVC", "TX"), ("Tesla", "Model 3"),
    ];

    private static readonly string[] Colours = ["Black", "Silver", "White", "Grey", "Blue", "Red"];

    // UK plates: no I, Q or Z in the letters; an age identifier such as 19 (March 2019) or 69 (September 2019).
    private const string PlateLetters = "ABCDEFGHJKLMNOPRSTUVWXY";
    private static readonly int[] AgeIdentifiers = [.. Enumerable.Range(15, 10), .. Enumerable.Range(65, 10)];

    public static IReadOnlyList<Driver> Generate(FleetOptions options)
    {
        var random = new Random(options.Seed);
        var plates = new HashSet<string>();
        var drivers = new List<Driver>(options.Size);
        for (var i = 0; i < options.Size; i++)
        {
            var id = NextId(random);
            var name = $"{Pick(random, FirstNames)} {Pick(random, Surnames)}";
            var (make, model) = Pick(random, Models);
            var colour = Pick(random, Colours);
            string plate;
            do
            {
                plate = NextPlate(random);
            }
            while (!plates.Add(plate));

            var position = Scatter(random, options.Center, options.RadiusKm);
            drivers.Add(new Driver(id, name, new Vehicle(make, model, colour, plate), position, Available: true, CurrentTripId: null));
        }

        return drivers;
    }

    // Uniform over the disc's area, not its radius: the distance from the centre goes as the square root of a
    // uniform draw, otherwise drivers would crowd the centre.
    private static GeoPoint Scatter(Random random, GeoPoint center, double radiusKm) =>
        GreatCircle.Destination(center, bearing: random.NextDouble() * 2 * Math.PI, distanceKm: radiusKm * Math.Sqrt(random.NextDouble()));

    // A version-4 UUID from the seeded generator, so that ids are as repeatable as the rest of the fleet.
    private static Guid NextId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static string NextPlate(Random random) =>
        $"{Letter(random)}{Letter(random)}{Pick(random, AgeIdentifiers):00} {Letter(random)}{Letter(random)}{Letter(random)}";

    private static char Letter(Random random) => PlateLetters[random.Next(PlateLetters.Length)];

    private static T Pick<T>(Random random, T[] choices) => choices[random.Next(choices.Length)];
}
