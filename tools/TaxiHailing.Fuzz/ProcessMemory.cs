using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TaxiHailing.Fuzz;

/// <summary>The resident memory of the process that listens on a port, from ss and /proc.</summary>
internal static partial class ProcessMemory
{
    public static int ListenerOf(int port)
    {
        using var ss = Process.Start(new ProcessStartInfo("ss", ["-Hltnp", $"sport = :{port}"]) { RedirectStandardOutput = true })!;
        var output = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        return Pid().Match(output) is { Success: true } match ? int.Parse(match.Groups[1].Value)
            : throw new InvalidOperationException($"No process of ours listens on port {port} (ss says: '{output.Trim()}').");
    }

    /// <summary>VmRSS in MiB.</summary>
    public static double ResidentMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(Digits().Match(line).Value) / 1024.0;
    }

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex Pid();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
