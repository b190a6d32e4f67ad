using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A request body that shows callers a typical value of itself: <see cref="RequestBodyLimits.AcceptsJsonBody{TBody}"/>
/// puts it in the operation's OpenAPI request body, written by the service's own serializer (so it has the field
/// names and number and enum forms that the service reads), and refuses one that fails its own validation.
/// </summary>
public interface IExampleBody<TSelf> where TSelf : IExampleBody<TSelf>
{
    static abstract TSelf Example { get; }
}

/// <summary>An endpoint's example request body.</summary>
public sealed record RequestExample(object Value);

internal static class RequestExamples
{
    public static RequestExample Of<TBody>() where TBody : IExampleBody<TBody>
    {
        var example = TBody.Example;
        if (example is IValidatedBody validated && validated.Validate().FirstOrDefault() is { Field: not null } error)
        {
            throw new InvalidOperationException($"{typeof(TBody).Name}.Example is not a valid body: {error.Field}: {error.Error}");
        }
        return new RequestExample(example);
    }

    public static void AddRequestExamples(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().LastOrDefault();
            if (example is null || operation.RequestBody?.Content is not { } content) return Task.CompletedTask;
            var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            foreach (var media in content.Values)
            {
                media.Example = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), json);
            }
            return Task.CompletedTask;
        });
}
