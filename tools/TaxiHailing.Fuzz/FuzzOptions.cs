namespace TaxiHailing.Fuzz;

internal sealed record FuzzOptions(Uri Control, int PerOperation, int Parallelism, int Seed, int BodyMiB, int Concurrency)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tools/TaxiHailing.Fuzz -- fuzz|memory [options]

          fuzz     sends every operation of every running service's OpenAPI document hostile requests, then prints
                   the answers by status per service and in total, the 5xx answers and the 4xx that are not
                   application/problem+json (exit code 1 if there are any from the application)
          memory   sends concurrent large invalid-JSON bodies to passengers, trips and drivers and prints each one's
                   resident memory before, at peak and after (exit code 1 if one rose by 150 MiB or more)

          --control <url>          the AppHost's control API, to find the Dispatcher   default http://127.0.0.1:18888
          --per-operation <n>      fuzz: at least this many requests per operation     default 200
          --parallelism <n>        fuzz: requests in flight at once                    default 16
          --seed <n>               fuzz: seed of the random corruptions                default 11
          --body-mib <n>           memory: size of each body                           default 28
          --concurrency <n>        memory: bodies sent at once                         default 8
        """;

    public static FuzzOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--") || i + 1 >= args.Length) throw new ArgumentException($"Expected '--option value', got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }

        var unknown = values.Keys.Except(["control", "per-operation", "parallelism", "seed", "body-mib", "concurrency"]).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        return new(new Uri(values.GetValueOrDefault("control", "http://127.0.0.1:18888")), Number("per-operation", 200), Number("parallelism", 16),
            Number("seed", 11), Number("body-mib", 28), Number("concurrency", 8));

        int Number(string name, int fallback) =>
            !values.TryGetValue(name, out var text) ? fallback
            : int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"--{name} must be a positive whole number, not '{text}'.");
    }
}
