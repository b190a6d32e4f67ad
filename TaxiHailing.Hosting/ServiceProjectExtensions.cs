using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace TaxiHailing.Hosting;

public static class ServiceProjectExtensions
{
    /// <summary>
    /// A public service's fixed port (Ports:{name} overrides it), so that phones and the docs can find it. Tests get
    /// random ports anyway: Aspire's testing builder randomizes them.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPublicPort(this IResourceBuilder<ProjectResource> project, int port)
    {
        var configured = project.ApplicationBuilder.Configuration[$"Ports:{project.Resource.Name}"];
        var chosen = configured is null ? port
            : int.TryParse(configured, out var given) && given is > 0 and < 65536 ? given
            : throw new InvalidOperationException($"Ports:{project.Resource.Name} = '{configured}' is not a port number (1-65535).");
        return project.WithEndpoint("http", endpoint => endpoint.Port = chosen);
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
