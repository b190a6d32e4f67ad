using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>Responses that a transformer adds to an operation, described as what the service sends: RFC 9457 problems.</summary>
internal static class ProblemResponses
{
    public const string MediaType = "application/problem+json";
    private const string SchemaId = "ProblemDetails";

    /// <summary>
    /// Makes the content of one more problem response: application/problem+json with the document's ProblemDetails
    /// schema, added to the document's components when no endpoint declared a problem of its own.
    /// </summary>
    public static async Task<Func<Dictionary<string, OpenApiMediaType>>> ProblemJsonAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(SchemaId) is not true)
        {
            document.AddComponent(SchemaId, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken));
        }

        return () => new() { [MediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(SchemaId, document) } };
    }
}
