using System.Diagnostics;

namespace TaxiHailing.Hosting;

/// <summary>
/// A process started by the AppHost, in its own session (so a terminal's Ctrl+C reaches only the AppHost, which
/// stops children in order), under a small watchdog that stops it, and removes its temporary directory, when the
/// AppHost dies without a chance to clean up (SIGKILL).
/// </summary>
internal sealed class ChildProcess
{
    // $1 = AppHost pid, $2 = signal that stops the child gracefully, $3 = directory to remove if the AppHost died.
    private const string Watchdog = """
        apphost="$1"; stop_signal="$2"; cleanup="$3"; shift 3
        "$@" &
        child=$!
        trap 'kill -s "$stop_signal" "$child" 2>/dev/null' TERM
        orphaned=0
        while kill -0 "$child" 2>/dev/null; do
          if [ ! -d "/proc/$apphost" ]; then
            orphaned=$((orphaned + 1))
            if [ "$orphaned" -gt 10 ]; then kill -s KILL "$child" 2>/dev/null; else kill -s "$stop_signal" "$child" 2>/dev/null; fi
          fi
          sleep 1 & wait $! 2>/dev/null
        done
        wait "$child"; code=$?
        if [ -n "$cleanup" ] && [ ! -d "/proc/$apphost" ]; then rm -rf "$cleanup"; fi
        exit $code
        """;

    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(
        string command, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        Action<string> onOutputLine, string stopSignal = "TERM", string cleanupDirectory = "")
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["bash", "-c", Watchdog, "watchdog", Environment.ProcessId.ToString(), stopSignal, cleanupDirectory, command, .. args])
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutputLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onOutputLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return new ChildProcess(process);
    }

    /// <summary>Asks the process to stop (the watchdog passes the stop signal on), then kills it after the grace period.</summary>
    public async Task StopAsync(TimeSpan gracePeriod)
    {
        if (_process.HasExited) return;
        Posix.Signal(_process.Id, Posix.SigTerm);
        using var grace = new CancellationTokenSource(gracePeriod);
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// Stops the service in its tracks (SIGSTOP): it keeps its sockets, so the kernel still accepts connections and
    /// requests for it, but nothing answers, as with a hung process or host. Only the service: its watchdog goes on
    /// watching, so that a frozen service whose AppHost dies is still killed.
    /// </summary>
    public void Freeze()
    {
        var service = ServiceProcessId() ?? throw new InvalidOperationException($"Process {Id} has no running service to freeze.");
        Posix.Signal(service, Posix.SigStop);
        // kill(2) only queues the signal: return once the process has actually stopped.
        var clock = Stopwatch.StartNew();
        while (ProcessStat(service) is { State: not 'T' } && clock.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(5);
    }

    /// <summary>Lets a frozen service run on (SIGCONT).</summary>
    public void Resume()
    {
        if (ServiceProcessId() is { } service) Posix.Signal(service, Posix.SigCont);
    }

    // The watchdog's first child is the service; any later ones are the one-second sleeps of its loop.
    private int? ServiceProcessId() =>
        Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? ProcessStat(pid) : null)
            .OfType<Stat>()
            .Where(stat => stat.ParentId == Id)
            .OrderBy(stat => stat.StartTime)
            .FirstOrDefault()?.ProcessId;

    private sealed record Stat(int ProcessId, char State, int ParentId, ulong StartTime);

    /// <summary>Fields of /proc/{pid}/stat (see proc(5)); null when the process is gone.</summary>
    private static Stat? ProcessStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name, in parentheses, may hold spaces: the fields that follow start after its last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return new Stat(pid, fields[0][0], int.Parse(fields[1]), ulong.Parse(fields[19]));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
