using Microsoft.Extensions.Configuration;

namespace TaxiHailing.Hosting;

/// <summary>Composes the application model: which resources exist, what they reference and wait for.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly TestingSession? _testing;

    internal DistributedApplicationBuilder(string[] args, TestingSession? testing)
    {
        _testing = testing;
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        Configuration = configuration;
        Options = new DistributedApplicationOptions
        {
            Configuration = configuration,
            EnvironmentName = testing is not null ? "Development" : configuration["DOTNET_ENVIRONMENT"] ?? "Production",
            UseFixedPorts = testing is null,
            ControlPort = testing is null ? ControlPortFrom(configuration) : null,
            EchoOutput = testing is null,
        };
    }

    public IConfigurationManager Configuration { get; }
    public DistributedApplicationOptions Options { get; }

    public ResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(existing => existing.Name == resource.Name))
        {
            throw new InvalidOperationException($"The model already has a resource named '{resource.Name}'.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    /// <summary>
    /// A builder for a resource the model already has, as in Aspire's testing builder: a test can change a resource
    /// before the application is built, e.g. give a service settings of its own with WithEnvironment.
    /// </summary>
    public ResourceBuilder<T> CreateResourceBuilder<T>(string name) where T : Resource
    {
        var resource = _resources.FirstOrDefault(existing => existing.Name == name)
            ?? throw new ArgumentException($"The model has no resource named '{name}'.", nameof(name));
        return resource is T typed
            ? new ResourceBuilder<T>(typed, this)
            : throw new ArgumentException($"Resource '{name}' is a {resource.GetType().Name}, not a {typeof(T).Name}.", nameof(name));
    }

    public ResourceBuilder<ProjectResource> AddProject<TProject>(string name) where TProject : IProjectMetadata, new() =>
        AddResource(new ProjectResource(name, new TProject()));

    public ResourceBuilder<ExecutableResource> AddExecutable(string name, string command, string workingDirectory, params string[] args) =>
        AddResource(new ExecutableResource(name, command, workingDirectory, args));

    private static int ControlPortFrom(IConfiguration configuration)
    {
        var configured = configuration["AppHost:ControlPort"];
        if (configured is null) return ControlApi.DefaultPort;
        return int.TryParse(configured, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"AppHost:ControlPort is '{configured}': expected a port number between 1 and 65535.");
    }

    public DistributedApplication Build()
    {
        var application = new DistributedApplication(_resources, Options);
        _testing?.Built(this);
        return application;
    }
}
