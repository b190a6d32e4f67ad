using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TaxiHailing.Hosting;

/// <summary>
/// The AppHost's control API, a first piece of a dashboard: lists the resources and stops, starts, freezes and
/// resumes them (POST /api/resources/{name}/stop|start|freeze|resume). It listens on 127.0.0.1 only, on
/// AppHost:ControlPort (18888 by default; a free port under tests). Start answers 202 at once: poll
/// GET /api/resources/{name} until its state is Healthy.
/// </summary>
internal sealed class ControlApi(WebApplication app, Uri endpoint) : IAsyncDisposable
{
    public const int DefaultPort = 18888;
    private const string ResourcePath = "/api/resources";

    public Uri Endpoint { get; } = endpoint;

    public static async Task<ControlApi> StartAsync(DistributedApplication application, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "TaxiHailing.AppHost", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton<IHostLifetime, StoppedByTheAppHost>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ControlApiJsonContext.Default));
        var web = builder.Build();
        web.UseExceptionHandler();
        web.UseStatusCodePages();
        MapResources(web.MapGroup(ResourcePath), new ResourceCommands(application));
        try
        {
            await web.StartAsync();
        }
        catch (IOException exception)
        {
            await web.DisposeAsync();
            throw new ResourceFailedException("apphost",
                $"its control API cannot listen on 127.0.0.1:{port} ({exception.Message}); set AppHost:ControlPort to a free port", []);
        }

        var listening = web.Urls.Select(url => new Uri(url)).Single();
        return new ControlApi(web, new Uri($"http://127.0.0.1:{listening.Port}"));
    }

    private static void MapResources(RouteGroupBuilder resources, ResourceCommands commands)
    {
        resources.MapGet("", () => TypedResults.Ok(commands.All()));
        resources.MapGet("/{name}", (string name) => commands.Get(name));
        resources.MapPost("/{name}/stop", (string name) => commands.RunAsync(name, ResourceCommand.Stop));
        resources.MapPost("/{name}/start", (string name) => commands.RunAsync(name, ResourceCommand.Start));
        resources.MapPost("/{name}/freeze", (string name) => commands.RunAsync(name, ResourceCommand.Freeze));
        resources.MapPost("/{name}/resume", (string name) => commands.RunAsync(name, ResourceCommand.Resume));
    }

    internal static ProblemHttpResult NotFound(string name) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Unknown resource", detail: $"The application model has no resource named '{name}'.");

    internal static string LocationOf(string name) => $"{ResourcePath}/{name}";

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>
/// Instead of the console lifetime, which would stop the control API on its own at Ctrl+C or SIGTERM: the AppHost
/// handles those signals, and stops the control API before the resources.
/// </summary>
internal sealed class StoppedByTheAppHost : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>One resource as the control API shows it; the endpoint is where it is, as in the resource table.</summary>
public sealed record ResourceView(string Name, string Type, ResourceState State, string? StateDetail, string? Endpoint);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ResourceView))]
[JsonSerializable(typeof(ResourceView[]))]
internal sealed partial class ControlApiJsonContext : JsonSerializerContext;
