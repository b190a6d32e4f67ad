namespace TaxiHailing.Hosting;

/// <summary>A named part of the application model; the name is also its connection-string and discovery name.</summary>
public interface IResource
{
    string Name { get; }
}

/// <summary>Generated for every service project the AppHost references (see the AppHost's project file).</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }
    string AssemblyPath { get; }
}

public abstract class Resource(string name) : IResource
{
    public string Name { get; } = ValidName(name);

    /// <summary>The resources that must be healthy before this one starts.</summary>
    internal List<IResource> WaitsFor { get; } = [];

    internal abstract ResourceRunner CreateRunner(RunContext context);

    private static string ValidName(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z][a-z0-9-]{0,62}$")
            ? name
            : throw new ArgumentException($"Resource name '{name}' must be lowercase letters, digits and dashes, starting with a letter.", nameof(name));
}

/// <summary>A process the AppHost starts: a service project or a plain executable.</summary>
public abstract class ProcessResource(string name) : Resource(name)
{
    internal List<IResource> References { get; } = [];
    internal Dictionary<string, string> Environment { get; } = [];
    internal string? HealthCheckPath { get; set; }
    internal int? FixedPort { get; set; }
    internal bool HasHttpEndpoint { get; set; }
}

public sealed class ProjectResource(string name, IProjectMetadata project) : ProcessResource(name)
{
    public IProjectMetadata Project { get; } = project;

    internal override ResourceRunner CreateRunner(RunContext context) => new ProjectRunner(this, context);
}

public sealed class ExecutableResource(string name, string command, string workingDirectory, string[] args) : ProcessResource(name)
{
    public string Command { get; } = command;
    public string WorkingDirectory { get; } = workingDirectory;
    public IReadOnlyList<string> Args { get; } = args;

    internal override ResourceRunner CreateRunner(RunContext context) => new ProjectRunner(this, context);
}

/// <summary>Fluent configuration of a resource, as in Aspire's IResourceBuilder.</summary>
public sealed class ResourceBuilder<T>(T resource, DistributedApplicationBuilder applicationBuilder) where T : Resource
{
    public T Resource { get; } = resource;
    public DistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;

    public ResourceBuilder<T> WaitFor<TOther>(ResourceBuilder<TOther> other) where TOther : Resource
    {
        Resource.WaitsFor.Add(other.Resource);
        return this;
    }
}
