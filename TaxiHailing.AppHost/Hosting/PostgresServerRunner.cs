using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace TaxiHailing.Hosting;

/// <summary>
/// A private PostgreSQL server from Debian's binaries: initdb into a temporary directory, then postgres on a free
/// loopback port. PostgreSQL refuses to run as root, so as root both run as the 'postgres' user.
/// </summary>
internal sealed class PostgresServerRunner(PostgresServerResource server, RunContext context) : PostgresRunner(server, context)
{
    private const string ServiceUser = "postgres";
    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private string? _directory;
    private int _port;
    private ChildProcess? _process;

    public override string Kind => "PostgreSQL";

    protected override NpgsqlConnectionStringBuilder ServerConnection => new()
    {
        Host = _port == 0 ? null : "127.0.0.1",
        Port = _port,
        Username = ServiceUser,
        Password = _password,
    };

    public override ChildProcess? Child => _process;

    public override string? Ended => _process is { HasExited: true } process ? $"exited with code {process.ExitCode}" : null;

    public override Task WhenEnded(CancellationToken cancellationToken) => _process!.WaitForExitAsync(cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var binaries = FindBinaries();
        if (_directory is null)
        {
            _port = FreePort.Next();
            _directory = Directory.CreateTempSubdirectory($"taxihailing-{Name}-").FullName;
            await InitializeAsync(binaries, _directory, cancellationToken);
        }

        _process = ChildProcess.Start(
            AsServiceUser(Path.Combine(binaries, "postgres")),
            [.. AsServiceUserArgs(Path.Combine(binaries, "postgres")),
             "-D", DataDirectory, "-p", _port.ToString(), "-k", _directory, "-c", "listen_addresses=127.0.0.1",
             // Throw-away data: durability buys nothing here and costs seconds on every start.
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
             // Room for every service's connection pool (Npgsql allows 100 each) on the one shared server.
             "-c", "max_connections=500"],
            _directory, new Dictionary<string, string>(), line => Context.Console.Output(this, line),
            stopSignal: "INT", cleanupDirectory: _directory);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not null) await _process.StopAsync(TimeSpan.FromSeconds(10));
    }

    public override ValueTask DisposeAsync()
    {
        if (_directory is not null && Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private string DataDirectory => Path.Combine(_directory!, "data");

    private async Task InitializeAsync(string binaries, string directory, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(directory, "password");
        await File.WriteAllTextAsync(passwordFile, _password, cancellationToken);
        if (Posix.IsRoot) await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", directory], directory, cancellationToken);

        var initdb = Path.Combine(binaries, "initdb");
        await RunAsync(AsServiceUser(initdb),
            [.. AsServiceUserArgs(initdb), "-D", DataDirectory, "-U", ServiceUser, "--pwfile", passwordFile,
             "-A", "scram-sha-256", "-E", "UTF8", "--no-sync", "--no-instructions"],
            directory, cancellationToken);
        File.Delete(passwordFile);
    }

    private async Task RunAsync(string command, string[] args, string workingDirectory, CancellationToken cancellationToken)
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
            Context.Console.Output(this, line);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(command == "setpriv" ? args[^1] : command)} failed: '{command} {string.Join(' ', args)}' exited with code {process.ExitCode}");
        }
    }

    private static string AsServiceUser(string program) => Posix.IsRoot ? "setpriv" : program;

    private static string[] AsServiceUserArgs(string program) =>
        Posix.IsRoot ? ["--reuid", ServiceUser, "--regid", ServiceUser, "--init-groups", "--", program] : [];

    /// <summary>The directory with initdb and postgres: on PATH, or the newest under /usr/lib/postgresql.</summary>
    private static string FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "initdb"))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            var resolved = new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
            return Path.GetDirectoryName(resolved)!;
        }

        const string debianRoot = "/usr/lib/postgresql";
        var installed = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Where(version => File.Exists(Path.Combine(version, "bin", "postgres")))
                .OrderByDescending(version => int.TryParse(Path.GetFileName(version), out var number) ? number : 0)
                .FirstOrDefault()
            : null;
        return installed is not null
            ? Path.Combine(installed, "bin")
            : throw new InvalidOperationException(
                "PostgreSQL is not installed: no initdb on PATH or under /usr/lib/postgresql. Install it " +
                "(apt-get install postgresql) or point the AppHost at a server with ConnectionStrings:postgres.");
    }
}
