namespace TaxiHailing.Hosting;

/// <summary>Where Debian's PostgreSQL server binaries are: initdb on PATH, or the newest under /usr/lib/postgresql.</summary>
internal static class PostgresBinaries
{
    public static string Find()
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
                "(apt-get install postgresql, as ./run.sh does) or point the AppHost at a server with ConnectionStrings:postgres.");
    }

    /// <summary>The command and its leading arguments that run <paramref name="program"/> as the postgres user when we are root.</summary>
    public static (string Command, string[] Args) AsServiceUser(string program) => Posix.IsRoot
        ? ("setpriv", ["--reuid", LocalPostgresServerResource.UserName, "--regid", LocalPostgresServerResource.UserName, "--init-groups", "--", program])
        : (program, []);
}
