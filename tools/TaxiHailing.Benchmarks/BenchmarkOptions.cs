using System.Numerics;

namespace TaxiHailing.Benchmarks;

internal sealed record BenchmarkOptions(int Trips, double Rate, Uri TripsUrl, Uri PassengersUrl, string Kafka, int BrokerMessages)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tools/TaxiHailing.Benchmarks -- dispatch --kafka <bootstrap servers> [options]

        Requests trips against the running system at a steady rate and measures request -> driver-assigned latency
        (from sending POST /v1/trips to the DriverAssigned event on taxi.dispatch.events), then the raw
        produce -> consume latency of the same broker. Each assigned trip is cancelled, so its driver returns to the fleet.

          --kafka <servers>        bootstrap servers (dashboard: kafka's details; or GET :18888/api/resources/kafka)   required
          --trips <n>              trips to request                                                   default 200
          --rate <per second>      request rate                                                       default 20
          --trips-url <url>        default http://localhost:5100
          --passengers-url <url>   default http://localhost:5200
          --broker-messages <n>    messages for the raw broker measurement                            default 1000
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--") || i + 1 >= args.Length) throw new ArgumentException($"Expected '--option value', got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }

        var unknown = values.Keys.Except(["kafka", "trips", "rate", "trips-url", "passengers-url", "broker-messages"]).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        var kafka = values.GetValueOrDefault("kafka") ?? throw new ArgumentException("--kafka is required.");
        return new BenchmarkOptions(
            Positive(values, "trips", 200), Positive(values, "rate", 20.0),
            Url(values, "trips-url", "http://localhost:5100"), Url(values, "passengers-url", "http://localhost:5200"),
            kafka, Positive(values, "broker-messages", 1000));
    }

    private static T Positive<T>(Dictionary<string, string> values, string name, T fallback) where T : struct, INumber<T>
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        return T.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > T.Zero
            ? value
            : throw new ArgumentException($"--{name} must be a positive number, got '{text}'.");
    }

    private static Uri Url(Dictionary<string, string> values, string name, string fallback)
    {
        var text = values.GetValueOrDefault(name, fallback);
        return Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : throw new ArgumentException($"--{name} must be an absolute URL, got '{text}'.");
    }
}
