using Microsoft.Extensions.Configuration;
using Npgsql;

namespace TaxiHailing.Hosting;

/// <summary>
/// A PostgreSQL server: by default a private one started from Debian's binaries with its own temporary data
/// directory; when the AppHost has ConnectionStrings:{name}, that server instead. The declared databases are
/// created before the server is healthy.
/// </summary>
public sealed class PostgresServerResource(string name) : Resource(name)
{
    internal List<PostgresDatabaseResource> Databases { get; } = [];

    internal override ResourceRunner CreateRunner(RunContext context) =>
        context.Options.Configuration.GetConnectionString(Name) is { } external
            ? new ExternalPostgresRunner(this, context, external)
            : new PostgresServerRunner(this, context);
}

public sealed class PostgresDatabaseResource(string name, PostgresServerResource server) : Resource(name)
{
    public PostgresServerResource Server { get; } = server;

    internal override ResourceRunner CreateRunner(RunContext context) => new PostgresDatabaseRunner(this, context);
}

public static class PostgresBuilderExtensions
{
    public static ResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new PostgresServerResource(name));

    public static ResourceBuilder<PostgresDatabaseResource> AddDatabase(this ResourceBuilder<PostgresServerResource> server, string name)
    {
        var database = new PostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database).WaitFor(server);
    }
}

/// <summary>What both kinds of PostgreSQL server share: the connection, and creating the declared databases.</summary>
internal abstract class PostgresRunner(PostgresServerResource server, RunContext context) : ResourceRunner(server, context)
{
    private bool _databasesCreated;

    protected abstract NpgsqlConnectionStringBuilder ServerConnection { get; }

    public override string Address => ServerConnection.Host is null ? "" : $"{ServerConnection.Host}:{ServerConnection.Port}";

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnection.ConnectionString) { Database = database }.ConnectionString;

    public override IEnumerable<KeyValuePair<string, string>> ReferenceEnvironment() =>
        [new($"ConnectionStrings__{Name}", ServerConnection.ConnectionString)];

    public override async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(ServerConnection.ConnectionString) { Timeout = 2, Pooling = false };
            await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            if (!_databasesCreated)
            {
                foreach (var database in server.Databases) await CreateDatabaseAsync(connection, database.Name, cancellationToken);
                _databasesCreated = true;
            }

            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return exception.Message;
        }
    }

    private static async Task CreateDatabaseAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        try
        {
            // Resource names are lowercase letters, digits and dashes, so quoting is all the escaping needed.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }
}

internal sealed class ExternalPostgresRunner(PostgresServerResource server, RunContext context, string connectionString)
    : PostgresRunner(server, context)
{
    protected override NpgsqlConnectionStringBuilder ServerConnection { get; } = new(connectionString);
    public override string Kind => "PostgreSQL (external)";
    public override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class PostgresDatabaseRunner(PostgresDatabaseResource database, RunContext context) : ResourceRunner(database, context)
{
    private PostgresRunner Server => (PostgresRunner)Context.RunnerOf(database.Server);
    public override string Kind => "Database";
    public override string Address => $"{database.Server.Name}/{Name}";

    public override IEnumerable<KeyValuePair<string, string>> ReferenceEnvironment() =>
        [new($"ConnectionStrings__{Name}", Server.ConnectionStringFor(Name))];

    public override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override Task<string?> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    public override Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
