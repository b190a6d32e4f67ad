namespace TaxiHailing.Hosting;

/// <summary>
/// The PostgreSQL server of the model, whichever kind it is: local, external (ConnectionStrings:{name} given), or
/// Aspire's PostgreSQL container when publishing a manifest. Its databases are what services reference.
/// </summary>
public sealed class PostgresServer(IResourceBuilder<IResourceWithConnectionString> server, Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase)
{
    public IResourceBuilder<IResourceWithConnectionString> Server { get; } = server;

    public IResourceBuilder<IResourceWithConnectionString> AddDatabase([ResourceName] string name) => addDatabase(name);
}
