using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Registry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Both pipelines a dependency's calls can go through, registered with Polly's registry (so both report Polly's
/// telemetry, and each keeps its circuit for the life of the service), and the one handler that sends each call
/// through the pipeline the dependency is switched to when the call starts.
/// </summary>
internal static class DependencyPipelines
{
    public static void Register(IServiceCollection services, string name)
    {
        services.AddResiliencePipeline<string, HttpResponseMessage>(Key(name, DependencyPipeline.Tuned), (pipeline, context) =>
            DependencyPipelineBuilder.Build(
                pipeline,
                context.ServiceProvider.GetRequiredService<DependencyRegistry>().Get(name),
                context.ServiceProvider.GetRequiredService<DependencyTelemetry>()));
        services.AddResiliencePipeline<string, HttpResponseMessage>(Key(name, DependencyPipeline.LibraryDefaults), (pipeline, _) =>
            AddLibraryDefaults(pipeline));
    }

    public static ResilienceHandler HandlerFor(string name, IServiceProvider services)
    {
        var registry = services.GetRequiredService<ResiliencePipelineProvider<string>>();
        var tuned = registry.GetPipeline<HttpResponseMessage>(Key(name, DependencyPipeline.Tuned));
        var libraryDefaults = registry.GetPipeline<HttpResponseMessage>(Key(name, DependencyPipeline.LibraryDefaults));
        var dependency = services.GetRequiredService<DependencyRegistry>().Get(name);
        return new ResilienceHandler(_ => dependency.Pipeline == DependencyPipeline.Tuned ? tuned : libraryDefaults);
    }

    /// <summary>
    /// The strategies AddStandardResilienceHandler builds, in its order, each with the library's default options:
    /// what a service gets when it tunes nothing.
    /// </summary>
    private static void AddLibraryDefaults(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        var defaults = new HttpStandardResilienceOptions();
        pipeline
            .AddRateLimiter(defaults.RateLimiter)
            .AddTimeout(defaults.TotalRequestTimeout)
            .AddRetry(defaults.Retry)
            .AddCircuitBreaker(defaults.CircuitBreaker)
            .AddTimeout(defaults.AttemptTimeout);
    }

    private static string Key(string name, DependencyPipeline pipeline) =>
        pipeline == DependencyPipeline.Tuned ? $"{name}-tuned" : $"{name}-library-defaults";
}
