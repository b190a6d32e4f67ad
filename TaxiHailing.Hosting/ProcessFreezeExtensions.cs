using Microsoft.Extensions.DependencyInjection;

namespace TaxiHailing.Hosting;

/// <summary>
/// Freeze (SIGSTOP) and resume (SIGCONT) a running process resource: hung, not dead, the failure that timeouts and
/// circuit breakers exist for. The whole process tree is signalled, since the resource's process may be a wrapper.
/// </summary>
public static class ProcessFreezeExtensions
{
    public const string FreezeCommand = "freeze";
    public const string ResumeCommand = "resume";
    public const string FrozenState = "Frozen";

    public static IResourceBuilder<T> WithFreezeCommands<T>(this IResourceBuilder<T> resource) where T : IResourceWithEndpoints
    {
        return resource
            .WithCommand(FreezeCommand, "Freeze", context => SignalAsync(context, resource.Resource, Posix.SigStop, FrozenState), new CommandOptions
            {
                Description = "Stops the process (SIGSTOP) without ending it: it keeps its connections and answers nothing.",
                IconName = "Pause",
                UpdateState = state => state.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            })
            .WithCommand(ResumeCommand, "Resume", context => SignalAsync(context, resource.Resource, Posix.SigCont, KnownResourceStates.Running), new CommandOptions
            {
                Description = "Lets a frozen process run again (SIGCONT).",
                IconName = "Play",
                UpdateState = state => state.ResourceSnapshot.State?.Text == FrozenState ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            });
    }

    private static async Task<ExecuteCommandResult> SignalAsync(ExecuteCommandContext context, IResource resource, int signal, string state)
    {
        var notifications = context.Services.GetRequiredService<ResourceNotificationService>();
        if (!notifications.TryGetCurrentState(context.ResourceName, out var current) || ProcessId(current.Snapshot) is not { } pid)
        {
            return CommandResults.Failure($"{context.ResourceName} has no process.");
        }

        foreach (var process in Posix.ProcessTree(pid)) Posix.Signal(process, signal);
        await notifications.PublishUpdateAsync(resource, context.ResourceName, snapshot => snapshot with
        {
            State = state == FrozenState ? new ResourceStateSnapshot(FrozenState, KnownResourceStateStyles.Warn) : state,
        });
        return CommandResults.Success();
    }

    internal static int? ProcessId(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, out var pid) => pid,
            _ => null,
        };
}
