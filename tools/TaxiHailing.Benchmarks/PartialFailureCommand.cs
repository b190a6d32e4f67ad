using System.Globalization;
using System.Runtime.InteropServices;

namespace TaxiHailing.Benchmarks;

internal sealed record PartialFailureOptions(int Requests, double Rate, Uri TripsUrl, Uri PassengersUrl, Uri AppHostUrl);

/// <summary>The partial-failure command: its options, the run, the table, and the system put back as it was found.</summary>
internal static class PartialFailureCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        PartialFailureOptions options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException problem)
        {
            Console.Error.WriteLine(problem.Message);
            Console.Error.WriteLine(PartialFailureBenchmark.Usage);
            return 2;
        }

        using var interrupted = new CancellationTokenSource();
        // The first Ctrl+C (or SIGTERM) stops the measuring and lets the system be put back; a second one ends at once.
        ConsoleCancelEventHandler onCtrlC = (_, e) => e.Cancel = Interrupt(interrupted);
        Console.CancelKeyPress += onCtrlC;
        using var onSigTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = Interrupt(interrupted));
        try
        {
            using var system = await RunningSystem.ConnectAsync(options, interrupted.Token);
            try
            {
                var results = await PartialFailureBenchmark.RunAsync(system, options, interrupted.Token);
                PartialFailureReport.Print(results);
                return 0;
            }
            finally
            {
                Console.WriteLine($"Putting the system back: passengers running, Trips' pipeline {system.OriginalPipeline} ...");
                await system.RestoreAsync();
            }
        }
        catch (SystemNotReadyException problem)
        {
            Console.Error.WriteLine(problem.Message);
            return 1;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted: no table.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    private static bool Interrupt(CancellationTokenSource interrupted)
    {
        if (interrupted.IsCancellationRequested) return false;
        Console.Error.WriteLine("Interrupted: stopping the measurements ...");
        interrupted.Cancel();
        return true;
    }

    private static PartialFailureOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--") || i + 1 >= args.Length) throw new ArgumentException($"Expected '--option value', got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }

        var unknown = values.Keys.Except(["requests", "rate", "trips-url", "passengers-url", "apphost-url"]).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        return new PartialFailureOptions(
            Positive(values, "requests", 40), Positive(values, "rate", 4.0),
            Url(values, "trips-url", "http://localhost:5100"), Url(values, "passengers-url", "http://localhost:5200"),
            Url(values, "apphost-url", "http://localhost:18888"));
    }

    private static T Positive<T>(Dictionary<string, string> values, string name, T fallback) where T : struct, System.Numerics.INumber<T>
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        return T.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > T.Zero
            ? value
            : throw new ArgumentException($"--{name} must be a positive number, got '{text}'.");
    }

    private static Uri Url(Dictionary<string, string> values, string name, string fallback)
    {
        var text = values.GetValueOrDefault(name, fallback);
        return Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : throw new ArgumentException($"--{name} must be an absolute URL, got '{text}'.");
    }
}
