using System.Diagnostics;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Which database calls get a span: those made inside traced work (a request, a message being handled, a deadline
/// acted on). A command with no current activity comes from a background loop polling for work, and would be a
/// trace of its own many times a second.
/// </summary>
internal static class DatabaseTracing
{
    public static NpgsqlDataSourceBuilder TraceOnlyInsideTracedWork(this NpgsqlDataSourceBuilder dataSource) =>
        dataSource.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => IsInsideTracedWork())
            .ConfigureBatchFilter(_ => IsInsideTracedWork()));

    public static bool IsInsideTracedWork() => Activity.Current is not null;
}
