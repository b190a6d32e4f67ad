using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The build writes each service's OpenAPI documents (Directory.Build.targets). GetDocument runs the entry point in
/// its own process with a server that listens nowhere, waits for the host to start (only then does routing see the
/// endpoints) and asks it for every registered document. Nothing may connect, start work or demand a secret then:
/// every connection string is a placeholder that nothing opens, no hosted service but the web host's runs, options
/// are not validated at start, the schema is not created, and the environment is Production (the documents describe
/// what a deployment serves, without the Development-only endpoints, whatever the shell's ASPNETCORE_ENVIRONMENT).
/// </summary>
public static class ApiDocumentGeneration
{
    /// <summary>True while the build runs this service only to write its OpenAPI documents.</summary>
    public static bool IsRunning { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    internal static void ConfigureFor(IHostApplicationBuilder builder)
    {
        if (!IsRunning) return;
        builder.Environment.EnvironmentName = Environments.Production;
        builder.Configuration.Sources.Add(new PlaceholderConnectionStrings());
        builder.ConfigureContainer(new WebHostOnly());
    }

    private sealed class PlaceholderConnectionStrings : ConfigurationProvider, IConfigurationSource
    {
        private const string Prefix = "ConnectionStrings:";

        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

        public override bool TryGet(string key, out string? value)
        {
            value = key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? "Host=openapi-generation.invalid" : null;
            return value is not null;
        }
    }

    // Sees the final registrations, as the host builds its container: the web host (which builds the request
    // pipeline and so the endpoints) stays; Kafka consumers, relays, simulators and start-up validation go.
    private sealed class WebHostOnly : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            var idle = services.Where(service =>
                (service.ServiceType == typeof(IHostedService) && service.ImplementationType?.FullName != "Microsoft.AspNetCore.Hosting.GenericWebHostService")
                || service.ServiceType == typeof(IStartupValidator)).ToList();
            foreach (var service in idle) services.Remove(service);
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider();
    }
}
