using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TaxiHailing.Hosting;

/// <summary>initdb into the server's data directory, before its first start; its output goes to the server's console.</summary>
internal static class PostgresInitDb
{
    public static async Task RunAsync(LocalPostgresServerResource server, string binaries, ILogger console, CancellationToken cancellationToken)
    {
        var data = server.Data;
        data.Create();
        var passwordFile = Path.Combine(data.Root, "password");
        await File.WriteAllTextAsync(passwordFile, await server.Password.GetValueAsync(cancellationToken), cancellationToken);
        if (Posix.IsRoot) await RunAsync("chown", ["-R", $"{LocalPostgresServerResource.UserName}:", data.Root], data.Root, console, cancellationToken);

        var (command, prefix) = PostgresBinaries.AsServiceUser(Path.Combine(binaries, "initdb"));
        await RunAsync(command,
            [.. prefix, "-D", data.Data, "-U", LocalPostgresServerResource.UserName, "--pwfile", passwordFile,
             "-A", "scram-sha-256", "-E", "UTF8", "--no-sync", "--no-instructions"],
            data.Root, console, cancellationToken);
        File.Delete(passwordFile);
    }

    private static async Task RunAsync(string command, string[] args, string workingDirectory, ILogger console, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(command, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        foreach (var line in ((await output) + (await errors)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            console.LogInformation("{Line}", line);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command} {string.Join(' ', args)}' exited with code {process.ExitCode}");
        }
    }
}
