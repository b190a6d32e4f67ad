using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Writes every problem as application/problem+json, whatever the request's Accept header says. The framework's own
/// writer declines a client that accepts only, say, application/xml, and status-code pages then answer text/plain:
/// an error in a format nobody asked for is still more useful than one in a format no client of ours can parse.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Type ??= ProblemTypes.For(problem.Status.Value);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);

        // Not cancelled by RequestAborted: the request deadline answers 503 through here after cancelling it.
        var typeInfo = json.Value.SerializerOptions.GetTypeInfo(problem.GetType());
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, typeInfo, ContentType));
    }
}

/// <summary>The section of RFC 9110 that defines a status code, as a problem's type.</summary>
internal static class ProblemTypes
{
    private static readonly Dictionary<int, string> Sections = new()
    {
        [400] = "15.5.1", [401] = "15.5.2", [403] = "15.5.4", [404] = "15.5.5", [405] = "15.5.6", [406] = "15.5.7",
        [408] = "15.5.9", [409] = "15.5.10", [411] = "15.5.12", [412] = "15.5.13", [413] = "15.5.14", [414] = "15.5.15",
        [415] = "15.5.16", [422] = "15.5.21", [500] = "15.6.1", [503] = "15.6.4",
    };

    public static string? For(int status) =>
        Sections.TryGetValue(status, out var section) ? $"https://tools.ietf.org/html/rfc9110#section-{section}" : null;
}
