using Microsoft.Extensions.DependencyInjection;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>What the tests do to a started model's resources: thin calls on the AppHost's <see cref="ResourceControl"/>.</summary>
internal static class ApplicationResources
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    extension(DistributedApplication app)
    {
        private ResourceControl Control => app.Services.GetRequiredService<ResourceControl>();

        public Uri ControlApiEndpoint => app.Services.GetRequiredService<ControlApi>().Endpoint;

        public ResourceState GetResourceState(string name) => app.Control.StateOf(name);

        public IReadOnlyList<string> GetResourceLogs(string name) => app.Control.Logs.LinesOf(name);

        public string GetConnectionString(string name) =>
            app.GetConnectionStringAsync(name).AsTask().WaitAsync(CommandTimeout).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"{name} has no connection string.");

        public Task StopResourceAsync(string name) => app.Control.StopAsync(name).WaitAsync(CommandTimeout);

        public Task StartResourceAsync(string name) => app.Control.StartAsync(name).WaitAsync(CommandTimeout);

        public Task FreezeResourceAsync(string name) => app.Control.FreezeAsync(name).WaitAsync(CommandTimeout);

        public Task ResumeResourceAsync(string name) => app.Control.ResumeAsync(name).WaitAsync(CommandTimeout);

        public Task WaitForResourceHealthyAsync(string name, TimeSpan timeout) => app.Control.WaitForHealthyAsync(name, timeout);

        /// <summary>Waits until every resource of the model is healthy, or says which one is not and why.</summary>
        public async Task WaitForAllHealthyAsync(TimeSpan timeout)
        {
            var control = app.Control;
            await Task.WhenAll(control.Resources.Select(resource => control.WaitForHealthyAsync(resource.Name, timeout)));
        }
    }
}
