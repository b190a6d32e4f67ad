using System.Globalization;

namespace TaxiHailing.Benchmarks;

/// <summary>The partial-failure command: its options, the run, the table.</summary>
internal static class PartialFailureCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        int requests = 40;
        double rate = 4;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : "";
            var valid = args[i] switch
            {
                "--requests" => int.TryParse(value, CultureInfo.InvariantCulture, out requests) && requests > 0,
                "--rate" => double.TryParse(value, CultureInfo.InvariantCulture, out rate) && rate > 0,
                _ => false,
            };
            if (!valid)
            {
                Console.Error.WriteLine($"Expected --requests or --rate with a positive number, got '{args[i]} {value}'.");
                Console.Error.WriteLine(PartialFailureBenchmark.Usage);
                return 2;
            }
        }

        var results = await PartialFailureBenchmark.RunAsync(requests, rate);
        PartialFailureReport.Print(results);
        return 0;
    }
}
