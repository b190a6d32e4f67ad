using System.Diagnostics;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>
/// The AppHost started as a separate process, as `dotnet run --project TaxiHailing.AppHost` starts it, with every
/// port it would take (services, dashboard, control API) moved to a free one.
/// </summary>
internal sealed class RunningAppHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private RunningAppHost(Process process, int tripsPort, int passengersPort, int controlPort)
    {
        _process = process;
        TripsPort = tripsPort;
        PassengersPort = passengersPort;
        ControlPort = controlPort;
    }

    public int Id => _process.Id;
    public int TripsPort { get; }
    public int PassengersPort { get; }
    public int ControlPort { get; }
    public string Output { get { lock (_output) return string.Join(Environment.NewLine, _output); } }

    public static async Task<RunningAppHost> StartAsync()
    {
        var (tripsPort, passengersPort, controlPort) = (FreePort(), FreePort(), FreePort());
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "TaxiHailing.AppHost.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://localhost:{FreePort()}",
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePort()}",
                ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort()}",
                ["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true",
                ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
                ["Ports__trips"] = tripsPort.ToString(),
                ["Ports__passengers"] = passengersPort.ToString(),
                ["Ports__drivers"] = FreePort().ToString(),
                ["Ports__notifications"] = FreePort().ToString(),
                ["AppHost__ControlPort"] = controlPort.ToString(),
            },
        };
        var process = new Process { StartInfo = startInfo };
        var appHost = new RunningAppHost(process, tripsPort, passengersPort, controlPort);
        process.OutputDataReceived += (_, e) => appHost.Record(e.Data);
        process.ErrorDataReceived += (_, e) => appHost.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await appHost.AllHealthyAsync())
        {
            if (process.HasExited || deadline.IsCancellationRequested)
            {
                await appHost.DisposeAsync();
                Assert.Fail($"The AppHost did not get healthy:{Environment.NewLine}{appHost.Output}");
            }

            await Task.Delay(100);
        }

        return appHost;
    }

    private async Task<bool> AllHealthyAsync()
    {
        using var control = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            var resources = System.Text.Json.Nodes.JsonNode.Parse(await control.GetStringAsync($"http://127.0.0.1:{ControlPort}/api/resources"))!.AsArray();
            return resources.Count > 0 && resources.All(resource => resource!["state"]!.GetValue<string>() == "Healthy");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public void Signal(string signal) => Process.Start("kill", ["-s", signal, Id.ToString()]).WaitForExit();

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>
    /// Every process that runs for the AppHost: below it (the data directory's janitor), and below the DCP it started
    /// (DCP detaches, and watches the AppHost's pid): the services, the database server and its workers.
    /// </summary>
    public IReadOnlyList<int> Descendants() => [.. ((int[])[Id, .. DcpOf(Id)]).SelectMany(Posix.ProcessTree).Where(pid => pid != Id).Distinct()];

    private static IEnumerable<int> DcpOf(int appHost) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(int.Parse!)
            .Where(pid => CommandLine(pid) is [var program, .. var args] && Path.GetFileName(program) == "dcp"
                && args.Zip(args.Skip(1)).Any(pair => pair.First == "--monitor" && pair.Second == appHost.ToString()))
            .ToList();

    private static string[] CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The temporary directory of the AppHost's PostgreSQL server, read off the server's command line.</summary>
    public string PostgresDataDirectory()
    {
        foreach (var pid in Descendants())
        {
            var args = CommandLine(pid);
            if (args.Length == 0) continue;
            var data = Array.IndexOf(args, "-D");
            if (Path.GetFileName(args[0]) == "postgres" && data >= 0) return Path.GetDirectoryName(args[data + 1])!;
        }

        throw new InvalidOperationException("No PostgreSQL server below the AppHost.");
    }

    public static bool IsRunning(int pid) => Posix.IsRunning(pid);

    // Stopped as users stop it, so that it cleans up after itself; killed only if it will not stop, and then alone,
    // so that its children's watchdogs still stop them and remove their temporary data.
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal("TERM");
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: false);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
