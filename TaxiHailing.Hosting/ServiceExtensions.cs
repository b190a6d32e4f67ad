namespace TaxiHailing.Hosting;

public static class ServiceExtensions
{
    /// <summary>
    /// One of our services: healthy when its /health says so, freezable, started from its built assembly, given the
    /// key every service signs and checks bearer tokens with (it does not start without one); public
    /// services on a fixed port, internal ones on whatever port is free. The service listens on its endpoint itself,
    /// without DCP's proxy in front: a stopped service then refuses connections at once, as a dead one does in
    /// production, instead of a proxy accepting them and leaving callers to time out.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? publicPort = null)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithBuiltAssembly()
            .WithPublicPort(publicPort)
            .WithHttpHealthCheck("/health")
            .WithFreezeCommands()
            .WithTokenSigningKey()
            .WithEnvironment(context =>
            {
                // The service stops by itself when this AppHost ends (ServiceDefaults' AppHostWatch).
                if (context.ExecutionContext.IsRunMode) context.EnvironmentVariables["AppHost__ProcessId"] = Environment.ProcessId.ToString();
            });
        // Phones reach the public services: a deployment exposes them outside its environment.
        return publicPort is null ? service : service.WithExternalHttpEndpoints();
    }
}
