using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.Extensions.Hosting;

/// <summary>A request body that can say what is wrong with it, field by field (camelCase JSON paths).</summary>
public interface IValidatedBody
{
    IEnumerable<(string Field, string Error)> Validate();
}

/// <summary>The outcome of reading a JSON request body: the body, or the 400/415 problem to answer with.</summary>
public readonly record struct JsonBody<T>(T? Value, ProblemHttpResult? Problem) where T : class;

public static class JsonBodyExtensions
{
    /// <summary>
    /// Reads and validates a JSON body. Malformed JSON, a wrong type, a missing body and every field error become
    /// one RFC 9457 validation problem (400) naming the fields, never an exception or a 500.
    /// </summary>
    public static async Task<JsonBody<T>> ReadJsonBodyAsync<T>(this HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class, IValidatedBody
    {
        if (!request.HasJsonContentType())
        {
            return new(null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "The request body must be JSON (Content-Type: application/json)."));
        }

        request.EnableBuffering();
        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken);
        }
        catch (JsonException exception)
        {
            request.Body.Position = 0;
            return new(null, Invalid([await SyntaxErrorAsync(request.Body, cancellationToken) ?? (FieldOf(exception.Path), "The value has the wrong JSON type or is malformed.")]));
        }

        if (body is null)
        {
            return new(null, Invalid([("body", "A JSON object is required.")]));
        }

        var errors = body.Validate().ToList();
        return errors.Count == 0 ? new(body, null) : new(null, Invalid(errors));
    }

    private static ProblemHttpResult Invalid(IEnumerable<(string Field, string Error)> errors)
    {
        var byField = errors
            .GroupBy(error => error.Field)
            .ToDictionary(group => group.Key, group => group.Select(error => error.Error).ToArray());
        return TypedResults.Problem(new HttpValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
        });
    }

    // "$.pickup.lat" -> "pickup.lat"; an error before any property (e.g. truncated JSON) belongs to the body.
    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');

    /// <summary>Tells a body that is not JSON at all (an error of the whole body) from a field of the wrong type.</summary>
    private static async Task<(string, string)?> SyntaxErrorAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException exception)
        {
            return ("body", $"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).");
        }
    }
}
