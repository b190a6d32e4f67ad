using System.Diagnostics;

namespace TaxiHailing.ContractGate.Tests.Support;

/// <summary>Runs the built gate, or the CI script, as a separate process: the exit code is what CI sees.</summary>
internal static class Tool
{
    /// <summary>The gate as built beside the tests (a project reference copies it, with its runtime configuration).</summary>
    public static Task<(int ExitCode, string Output, string Error)> GateAsync(params string[] arguments) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "TaxiHailing.ContractGate.dll"), .. arguments]);

    public static Task<(int ExitCode, string Output, string Error)> ScriptAsync(params string[] arguments) =>
        RunAsync("bash", [Path.Combine(RepositoryRoot(), "scripts", "check-breaking-changes.sh"), .. arguments]);

    private static async Task<(int, string, string)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 4 minutes.");
        }
        return (process.ExitCode, await output, await error);
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TaxiHailing.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"No TaxiHailing.sln above {AppContext.BaseDirectory}.");
    }
}
