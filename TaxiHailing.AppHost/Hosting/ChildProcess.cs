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
    /// Stops every process of the child's process group in its tracks (SIGSTOP): it keeps its sockets, so its
    /// clients connect and send, but nothing answers, as with a hung process or host.
    /// </summary>
    public void Freeze() => Posix.Signal(-ProcessGroup, Posix.SigStop);

    /// <summary>Lets a frozen child run on (SIGCONT).</summary>
    public void Resume() => Posix.Signal(-ProcessGroup, Posix.SigCont);

    // setsid makes the child the leader of its own session and process group, whose id is its process id.
    private int ProcessGroup => _process.Id;
}
