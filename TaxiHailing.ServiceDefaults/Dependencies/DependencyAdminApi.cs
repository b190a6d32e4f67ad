using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Development only, and for operators: see each dependency's circuit, pipeline and settings, switch the pipeline its calls go through,
/// and inject faults into them while the service runs (GET /admin/dependencies, PUT /admin/dependencies/{name}/pipeline,
/// GET/PUT/DELETE /admin/dependencies/{name}/faults).
/// </summary>
public static class DependencyAdminApi
{
    public static WebApplication MapDependencyAdmin(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || app.Services.GetService<DependencyRegistry>() is null) return app;

        var admin = app.MapGroup("/admin/dependencies").WithTags("Admin (Development only)").RequireRoles(CallerRoles.Operator);
        admin.MapGet("", ListDependencies).WithName("ListDependencies").WithSummary("Every dependency with its circuit state, settings and injected faults.");
        admin.MapPut("/{name}/pipeline", SwitchPipeline)
            .WithName("SwitchPipeline")
            .WithSummary("Sends the calls to this dependency that start from now on through \"tuned\" or \"library-defaults\".")
            .AcceptsJsonBody<DependencyPipelineBody>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/{name}/faults", GetFaults).WithName("GetFaults").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPut("/{name}/faults", InjectFaults)
            .WithName("InjectFaults")
            .WithSummary("Injects latency, errors or hangs into the calls to this dependency, each at a rate from 0 to 1; a missing field is off.")
            .AcceptsJsonBody<FaultSettingsBody>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/{name}/faults", ResetFaults).WithName("ResetFaults").WithSummary("Back to the faults the configuration sets.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Ok<DependencyStatus[]> ListDependencies(DependencyRegistry dependencies) =>
        TypedResults.Ok(dependencies.All.Select(DependencyStatus.Of).ToArray());

    public static async Task<Results<Ok<DependencyStatus>, ProblemHttpResult>> SwitchPipeline(
        string name, HttpRequest request, DependencyRegistry dependencies, CancellationToken cancellationToken)
    {
        if (dependencies.Find(name) is not { } dependency) return NotFound(name);
        var body = await request.ReadJsonBodyAsync(ServiceDefaultsJsonContext.Default.DependencyPipelineBody, cancellationToken);
        if (body.Problem is { } invalid) return invalid;
        dependency.SwitchPipeline(body.Value!.Pipeline!.Value);
        return TypedResults.Ok(DependencyStatus.Of(dependency));
    }

    public static Results<Ok<FaultSettings>, ProblemHttpResult> GetFaults(string name, DependencyRegistry dependencies) =>
        dependencies.Find(name) is { } dependency ? TypedResults.Ok(dependency.Faults) : NotFound(name);

    public static async Task<Results<Ok<FaultSettings>, ProblemHttpResult>> InjectFaults(
        string name, HttpRequest request, DependencyRegistry dependencies, CancellationToken cancellationToken)
    {
        if (dependencies.Find(name) is not { } dependency) return NotFound(name);
        var body = await request.ReadJsonBodyAsync(ServiceDefaultsJsonContext.Default.FaultSettingsBody, cancellationToken);
        if (body.Problem is { } invalid) return invalid;
        dependency.InjectFaults(body.Value!.ToSettings());
        return TypedResults.Ok(dependency.Faults);
    }

    public static Results<Ok<FaultSettings>, ProblemHttpResult> ResetFaults(string name, DependencyRegistry dependencies)
    {
        if (dependencies.Find(name) is not { } dependency) return NotFound(name);
        dependency.ResetFaults();
        return TypedResults.Ok(dependency.Faults);
    }

    private static ProblemHttpResult NotFound(string name) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Unknown dependency", detail: $"This service has no dependency named '{name}'.");
}

public sealed record DependencyStatus(string Name, string Circuit, DependencyPipeline Pipeline, DependencySettings Settings, FaultSettings Faults)
{
    public static DependencyStatus Of(Dependency dependency)
    {
        var o = dependency.Options;
        return new(dependency.Name, dependency.CircuitState, dependency.Pipeline, new DependencySettings(
            o.AttemptTimeout, o.TotalTimeout, o.MaxRetries, o.RetryBaseDelay, o.BreakerFailureRatio, o.BreakerMinimumThroughput,
            o.BreakerSamplingDuration, o.BreakDuration, o.MaxConcurrentRequests, o.QueueLimit), dependency.Faults);
    }
}

public sealed record DependencySettings(
    TimeSpan AttemptTimeout, TimeSpan TotalTimeout, int MaxRetries, TimeSpan RetryBaseDelay, double BreakerFailureRatio,
    int BreakerMinimumThroughput, TimeSpan BreakerSamplingDuration, TimeSpan BreakDuration, int MaxConcurrentRequests, int QueueLimit);
