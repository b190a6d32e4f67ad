namespace TaxiHailing.Hosting;

/// <summary>
/// DCP stops a process with SIGTERM, which is PostgreSQL's "smart" shutdown: it waits until every client has
/// disconnected, and the services' connection pools never do, so DCP kills it after its timeout (about 8 s here).
/// SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops at once, cleanly.
/// </summary>
internal static class PostgresFastShutdown
{
    /// <summary>The signal that stops the resource's process cleanly and at once.</summary>
    public static int StopSignalOf(IResource resource) => resource is LocalPostgresServerResource ? Posix.SigInt : Posix.SigTerm;

    public static void Request(ResourceNotificationService notifications, LocalPostgresServerResource server)
    {
        if (notifications.TryGetCurrentState(server.Name, out var current) && ProcessFreezeExtensions.ProcessId(current.Snapshot) is { } pid)
        {
            Posix.Signal(pid, Posix.SigInt);
        }
    }
}
