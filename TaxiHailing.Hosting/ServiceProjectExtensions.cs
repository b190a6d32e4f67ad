using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace TaxiHailing.Hosting;

public static class ServiceProjectExtensions
{
    /// <summary>
    /// The service's own (unproxied) http endpoint: for a public service a fixed port (Ports:{name} overrides it), so
    /// that phones and the docs can find it, else a free port that DCP picks. Under Aspire's testing builder, which
    /// asks for random ports (DcpPublisher:RandomizePorts), every port is a free one.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPublicPort(this IResourceBuilder<ProjectResource> project, int? port)
    {
        var configuration = project.ApplicationBuilder.Configuration;
        var configured = configuration[$"Ports:{project.Resource.Name}"];
        var chosen = configured is null ? port
            : int.TryParse(configured, out var given) && given is > 0 and < 65536 ? given
            : throw new InvalidOperationException($"Ports:{project.Resource.Name} = '{configured}' is not a port number (1-65535).");
        if (configuration.GetValue<bool>("DcpPublisher:RandomizePorts")) chosen = null;
        return project.WithEndpoint("http", endpoint =>
        {
            endpoint.IsProxied = false;
            endpoint.Port = chosen;
            endpoint.TargetPort = chosen;
        });
    }

    /// <summary>
    /// In run mode, starts the service's built assembly with `dotnet exec` instead of `dotnet run --no-build`, which
    /// spends seconds per service evaluating its project on every start. The manifest still describes a project.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBuiltAssembly(this IResourceBuilder<ProjectResource> project)
    {
        if (!project.ApplicationBuilder.ExecutionContext.IsRunMode) return project;
        var projectPath = project.Resource.GetProjectMetadata().ProjectPath;
        var directory = Path.GetDirectoryName(projectPath)!;
        var assembly = Path.Combine(directory, "bin", BuildConfigurationOf(project.ApplicationBuilder), $"net{Environment.Version.Major}.0", $"{Path.GetFileNameWithoutExtension(projectPath)}.dll");
        if (!File.Exists(assembly)) return project; // not built the way the AppHost was: let dotnet run find it

        return project
            .WithAnnotation(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = directory }, ResourceAnnotationMutationBehavior.Replace)
            .WithArgs("exec", assembly);
    }

    // The services are built with the AppHost, in its configuration.
    private static string BuildConfigurationOf(IDistributedApplicationBuilder builder) =>
        builder.AppHostAssembly?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
