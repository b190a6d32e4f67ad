namespace Microsoft.Extensions.Hosting;

/// <summary>The body of PUT /admin/dependencies/{name}/pipeline: { "pipeline": "tuned" | "library-defaults" }.</summary>
public sealed record DependencyPipelineBody(DependencyPipeline? Pipeline) : IValidatedBody, IExampleBody<DependencyPipelineBody>
{
    public static DependencyPipelineBody Example { get; } = new(DependencyPipeline.Tuned);

    public IEnumerable<(string Field, string Error)> Validate()
    {
        // The enum converter also reads numbers, so a number it has no member for gets here too.
        if (Pipeline is not { } pipeline || !Enum.IsDefined(pipeline))
        {
            yield return ("pipeline", "Required: \"tuned\" or \"library-defaults\".");
        }
    }
}
