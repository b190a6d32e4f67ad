using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TaxiHailing.Hosting;

internal static class ControlApiEndpoints
{
    public const string ResourcePath = "/api/resources";

    public static void Map(RouteGroupBuilder resources, ResourceControl control)
    {
        resources.MapGet("", () => TypedResults.Ok(control.Resources.Select(resource => View(control, resource)).ToArray()));
        resources.MapGet("/{name}", Results<Ok<ResourceView>, ProblemHttpResult> (string name) =>
            control.Find(name) is { } resource ? TypedResults.Ok(View(control, resource)) : NotFound(name));
        resources.MapPost("/{name}/stop", (string name, CancellationToken cancellationToken) => RunAsync(control, name, "stop", cancellationToken));
        resources.MapPost("/{name}/start", (string name, CancellationToken cancellationToken) => RunAsync(control, name, "start", cancellationToken));
        resources.MapPost("/{name}/freeze", (string name, CancellationToken cancellationToken) => RunAsync(control, name, "freeze", cancellationToken));
        resources.MapPost("/{name}/resume", (string name, CancellationToken cancellationToken) => RunAsync(control, name, "resume", cancellationToken));
    }

    private static async Task<IResult> RunAsync(ResourceControl control, string name, string command, CancellationToken cancellationToken)
    {
        if (control.Find(name) is not { } resource) return NotFound(name);
        if (Refusal(resource, control.StateOf(name), command) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Cannot {command} {name}", detail: refusal);
        }

        switch (command)
        {
            case "stop": await control.StopAsync(name, cancellationToken); break;
            case "freeze": await control.FreezeAsync(name, cancellationToken); break;
            case "resume": await control.ResumeAsync(name, cancellationToken); break;
            default:
                await control.StartAsync(name, cancellationToken);
                return TypedResults.Accepted($"{ResourcePath}/{name}", View(control, resource));
        }

        return TypedResults.Ok(View(control, resource));
    }

    private static string? Refusal(IResource resource, ResourceState state, string command)
    {
        var isProcess = resource is ProjectResource or ExecutableResource;
        var canStop = isProcess || resource is EmbeddedKafkaResource;
        return command switch
        {
            "freeze" or "resume" when !isProcess => $"{resource.Name} cannot be frozen: it runs inside another process, not as a process of its own.",
            "stop" or "start" when !canStop => $"{resource.Name} is not started or stopped on its own.",
            "resume" when state != ResourceState.Frozen => $"{resource.Name} is not frozen: it is {state}.",
            "freeze" when state is not (ResourceState.Healthy or ResourceState.Running) => $"{resource.Name} is {state}: only a running process can be frozen.",
            "stop" when state is ResourceState.Stopped or ResourceState.Failed or ResourceState.NotStarted => $"{resource.Name} is {state} already.",
            "start" when state is not (ResourceState.Stopped or ResourceState.Failed) => $"{resource.Name} is {state}: only a stopped resource can be started.",
            _ => null,
        };
    }

    private static ProblemHttpResult NotFound(string name) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Unknown resource", detail: $"The application model has no resource named '{name}'.");

    private static ResourceView View(ResourceControl control, IResource resource)
    {
        var snapshot = control.Snapshot(resource);
        return new ResourceView(resource.Name, snapshot?.ResourceType ?? resource.GetType().Name, ResourceControl.StateOf(snapshot), EndpointOf(resource));
    }

    private static string? EndpointOf(IResource resource) => resource switch
    {
        ServerDatabaseResource database => $"{database.Parent.Name}/{database.Name}",
        IResourceWithEndpoints withEndpoints => withEndpoints.GetEndpoints().FirstOrDefault(endpoint => endpoint.IsAllocated)?.Url,
        EmbeddedKafkaResource { Broker: { } broker } => broker.BootstrapServers,
        _ => null,
    };
}

/// <summary>One resource as the control API shows it.</summary>
public sealed record ResourceView(string Name, string Type, ResourceState State, string? Endpoint);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ResourceView))]
[JsonSerializable(typeof(ResourceView[]))]
internal sealed partial class ControlApiJsonContext : JsonSerializerContext;
