using System.Diagnostics;

namespace TaxiHailing.Hosting;

/// <summary>
/// The local server's temporary directory: created (and initdb'd) before the first start, kept across restarts,
/// removed when the AppHost stops. A janitor process in a session of its own removes it when the AppHost is killed
/// outright, once the server DCP stops after it has gone.
/// </summary>
public sealed class PostgresDataDirectory
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"taxihailing-postgres-{Guid.NewGuid():N}");
    public string Data => Path.Combine(Root, "data");
    public bool IsInitialized => File.Exists(Path.Combine(Data, "PG_VERSION"));

    private Process? _janitor;

    public void Create()
    {
        Directory.CreateDirectory(Root);
        _janitor ??= StartJanitor();
    }

    public void Remove()
    {
        if (_janitor is { HasExited: false } janitor) janitor.Kill();
        _janitor?.Dispose();
        _janitor = null;
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    // $1 = AppHost pid, $2 = directory. Waits for the AppHost to die, asks the server (its pid is the first line of
    // postmaster.pid) for a fast shutdown, waits for it to end, then removes the directory.
    private const string Janitor = """
        while kill -0 "$1" 2>/dev/null; do sleep 1; done
        pid=$(head -n 1 "$2/data/postmaster.pid" 2>/dev/null)
        [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null
        while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
        rm -rf "$2"
        """;

    private Process StartJanitor()
    {
        var startInfo = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var arg in (string[])["bash", "-c", Janitor, "janitor", Environment.ProcessId.ToString(), Root]) startInfo.ArgumentList.Add(arg);
        var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        return process;
    }
}
