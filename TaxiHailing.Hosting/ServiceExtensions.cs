namespace TaxiHailing.Hosting;

public static class ServiceExtensions
{
    /// <summary>
    /// One of our services: healthy when its /health says so, freezable, started from its built assembly; public
    /// services on a fixed port, internal ones on whatever port is free.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? publicPort = null)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithBuiltAssembly()
            .WithHttpHealthCheck("/health")
            .WithFreezeCommands();
        return publicPort is { } port ? service.WithPublicPort(port) : service.WithEndpoint("http", endpoint => endpoint.Port = null);
    }
}
