using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TaxiHailing.Hosting;

internal enum ResourceCommand
{
    Stop,
    Start,
    Freeze,
    Resume,
}

/// <summary>
/// The control API's commands: which make sense in which state (409 with the reason otherwise), run one at a time,
/// so that two commands never act on a resource at once.
/// </summary>
internal sealed class ResourceCommands(DistributedApplication application)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public ResourceView[] All() => application.Runners.Select(View).ToArray();

    public Results<Ok<ResourceView>, ProblemHttpResult> Get(string name) =>
        RunnerNamed(name) is { } runner ? TypedResults.Ok(View(runner)) : ControlApi.NotFound(name);

    /// <summary>Stop, freeze and resume answer once done; start answers 202 as soon as the resource is on its way.</summary>
    public async Task<Results<Ok<ResourceView>, Accepted<ResourceView>, ProblemHttpResult>> RunAsync(string name, ResourceCommand command)
    {
        if (RunnerNamed(name) is not { } runner) return ControlApi.NotFound(name);
        await _oneAtATime.WaitAsync();
        try
        {
            if (WhyNot(runner, command) is { } reason) return Conflict(reason);
            await (command switch
            {
                ResourceCommand.Stop => application.StopResourceAsync(name),
                ResourceCommand.Start => application.StartResourceAsync(name),
                ResourceCommand.Freeze => application.FreezeResourceAsync(name),
                _ => application.ResumeResourceAsync(name),
            });
        }
        catch (InvalidOperationException refused)
        {
            return Conflict(refused.Message);
        }
        finally
        {
            _oneAtATime.Release();
        }

        return command == ResourceCommand.Start ? TypedResults.Accepted(ControlApi.LocationOf(name), View(runner)) : TypedResults.Ok(View(runner));
    }

    private static string? WhyNot(ResourceRunner runner, ResourceCommand command) => command switch
    {
        ResourceCommand.Stop when runner.State is not (ResourceState.Healthy or ResourceState.Frozen) =>
            $"Resource '{runner.Name}' is {runner.State}; only a healthy or frozen resource can be stopped.",
        ResourceCommand.Start when runner.State is not (ResourceState.Stopped or ResourceState.Exited or ResourceState.Failed) =>
            $"Resource '{runner.Name}' is {runner.State}; only a stopped, exited or failed resource can be started.",
        ResourceCommand.Freeze when runner.State != ResourceState.Healthy =>
            $"Resource '{runner.Name}' is {runner.State}; only a healthy resource can be frozen.",
        ResourceCommand.Freeze when runner.Child is null =>
            $"Resource '{runner.Name}' runs as {runner.Kind}, not as a process of its own, so it cannot be frozen; stop it instead.",
        ResourceCommand.Resume when runner.State != ResourceState.Frozen =>
            $"Resource '{runner.Name}' is {runner.State}, not frozen; only a frozen resource can be resumed.",
        _ => null,
    };

    private static ProblemHttpResult Conflict(string reason) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Not possible for this resource now", detail: reason);

    private static ResourceView View(ResourceRunner runner) =>
        new(runner.Name, runner.Kind, runner.State, runner.StateDetail, runner.Address is { Length: > 0 } address ? address : null);

    private ResourceRunner? RunnerNamed(string name) => application.Runners.FirstOrDefault(runner => runner.Name == name);
}
