using System.Runtime.InteropServices;

namespace TaxiHailing.Hosting;

internal static partial class Posix
{
    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    public static bool IsRoot => GetEffectiveUserId() == 0;

    public static void Signal(int processId, int signal)
    {
        if (Kill(processId, signal) != 0 && Marshal.GetLastPInvokeError() != 3 /* ESRCH: already gone */)
        {
            throw new InvalidOperationException($"Could not send signal {signal} to process {processId} (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>Whether the process exists and has not ended (a zombie has ended: only its parent has not collected it).</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            return !File.ReadAllText($"/proc/{processId}/stat").Split(") ")[1].StartsWith('Z');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The process and everything below it, parents first (read from /proc: no process is started for it).</summary>
    public static IReadOnlyList<int> ProcessTree(int root)
    {
        var tree = new List<int>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var parent))
        {
            tree.Add(parent);
            foreach (var child in ChildrenOf(parent)) pending.Enqueue(child);
        }

        return tree;
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{parent}/task")
                .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(int.Parse)
                .ToList();
        }
        catch (IOException)
        {
            return []; // it has just ended
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
