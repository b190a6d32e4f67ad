using Microsoft.Extensions.Configuration;

namespace TaxiHailing.Hosting;

public static class PostgresServerExtensions
{
    /// <summary>
    /// A PostgreSQL server: Aspire's PostgreSQL container in publish mode (the manifest describes what azd deploys),
    /// the server in ConnectionStrings:{name} if the AppHost is given one, else a private server of our own.
    /// </summary>
    public static PostgresServer AddPostgresServer(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            var container = builder.AddPostgres(name);
            return new PostgresServer(container, database => container.AddDatabase(database));
        }

        var server = builder.Configuration.GetConnectionString(name) is null
            ? builder.AddLocalPostgres(name)
            : builder.AddConnectionString(name);
        return new PostgresServer(server, database => builder.AddServerDatabase(server, database));
    }
}
