namespace TaxiHailing.Hosting;

public static class ProcessResourceExtensions
{
    /// <summary>Injects where <paramref name="other"/> is: a connection string, or a service-discovery endpoint.</summary>
    public static ResourceBuilder<T> WithReference<T, TOther>(this ResourceBuilder<T> builder, ResourceBuilder<TOther> other)
        where T : ProcessResource where TOther : Resource
    {
        builder.Resource.References.Add(other.Resource);
        return builder;
    }

    public static ResourceBuilder<T> WithEnvironment<T>(this ResourceBuilder<T> builder, string name, string value) where T : ProcessResource
    {
        builder.Resource.Environment[name] = value;
        return builder;
    }

    /// <summary>
    /// Gives the resource an HTTP endpoint. A fixed <paramref name="port"/> can be overridden with the AppHost
    /// setting Ports:{name}; without one, or when the application runs under tests, a free port is taken.
    /// </summary>
    public static ResourceBuilder<T> WithHttpEndpoint<T>(this ResourceBuilder<T> builder, int? port = null) where T : ProcessResource
    {
        var configured = builder.ApplicationBuilder.Configuration[$"Ports:{builder.Resource.Name}"];
        if (configured is not null && !(int.TryParse(configured, out var parsed) && parsed is > 0 and < 65536))
        {
            throw new InvalidOperationException($"Ports:{builder.Resource.Name} is '{configured}': expected a port number between 1 and 65535.");
        }

        builder.Resource.HasHttpEndpoint = true;
        builder.Resource.FixedPort = builder.ApplicationBuilder.Options.UseFixedPorts ? (configured is null ? port : int.Parse(configured)) : null;
        return builder;
    }

    /// <summary>The resource is healthy once GET <paramref name="path"/> on its HTTP endpoint answers 2xx.</summary>
    public static ResourceBuilder<T> WithHttpHealthCheck<T>(this ResourceBuilder<T> builder, string path = "/health") where T : ProcessResource
    {
        builder.Resource.HasHttpEndpoint = true;
        builder.Resource.HealthCheckPath = path;
        return builder;
    }
}
