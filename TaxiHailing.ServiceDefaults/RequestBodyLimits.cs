using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// How large a request body may be. Every endpoint that takes a JSON body declares it with
/// <see cref="AcceptsJsonBody{TBody}"/>, sized to what it needs; routing applies that limit to the request (ASP.NET
/// Core honours <see cref="IRequestSizeLimitMetadata"/> on minimal-API endpoints), and Kestrel answers a larger body,
/// by Content-Length or once a chunked one grows past it, with 413 before anything is buffered.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>Enough for any of our JSON bodies (a trip request is a few hundred bytes), with room to spare.</summary>
    public const long SmallJsonBody = 16 * 1024;

    /// <summary>Kestrel's limit for an endpoint that declares none (Kestrel's own default is 30 MB).</summary>
    public const long ServerDefault = 64 * 1024;

    /// <summary>
    /// The endpoint reads a JSON <typeparamref name="TBody"/> of at most <paramref name="maxBytes"/> bytes, and says so,
    /// with the body's example, in its OpenAPI.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJsonBody<TBody>(this RouteHandlerBuilder endpoint, long maxBytes = SmallJsonBody)
        where TBody : notnull, IExampleBody<TBody> =>
        endpoint
            .Accepts<TBody>("application/json")
            .WithMetadata(new RequestBodyLimit(maxBytes), RequestExamples.Of<TBody>())
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    internal static void AddRequestBodyLimits(this IHostApplicationBuilder builder) =>
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = ServerDefault);
}

/// <summary>An endpoint's limit on its request body.</summary>
public sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
