namespace TaxiHailing.Hosting;

/// <summary>
/// A database on one of our PostgreSQL servers (local or external), created when its server is ready. Aspire passes
/// a parent's state on to its children only for containers, so a database publishes its own.
/// </summary>
public sealed class ServerDatabaseResource(string name, IResourceWithConnectionString server)
    : Resource(name), IResourceWithParent<IResourceWithConnectionString>, IResourceWithConnectionString
{
    public IResourceWithConnectionString Parent { get; } = server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={Name}");
}
