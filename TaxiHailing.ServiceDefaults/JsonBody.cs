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
    /// Reads and validates a JSON body as it streams in, never holding more of it than the serializer needs. Malformed
    /// JSON, a wrong type, a missing body, a control character in any text and every field error become one RFC 9457
    /// validation problem (400) naming the fields. A body that breaks HTTP's framing or the endpoint's size limit throws
    /// Kestrel's BadHttpRequestException, which <see cref="BadRequestHandler"/> answers.
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

        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken);
        }
        catch (JsonException exception)
        {
            return new(null, Invalid([ErrorOf(exception)]));
        }

        if (body is null)
        {
            return new(null, Invalid([("body", "A JSON object is required.")]));
        }

        var errors = ControlCharacters.FieldsWithThem(body, typeInfo).ToList();
        var rejectedText = errors.Select(error => error.Field).ToHashSet();
        errors.AddRange(body.Validate().Where(error => !rejectedText.Contains(error.Field)));
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

    // Bytes that are not JSON at all fail in the reader, and the serializer passes the reader's exception on as the
    // inner one; JSON that a field cannot take (a string for a number, a bad Guid) fails without a reader's exception.
    // So one pass tells them apart, and nothing of the body has to be kept for a second look.
    private static (string Field, string Error) ErrorOf(JsonException exception) =>
        exception.InnerException is JsonException
            ? ("body", $"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).")
            : (FieldOf(exception.Path), "The value has the wrong JSON type or is malformed.");

    // "$.pickup.lat" -> "pickup.lat"; an error before any property (e.g. an array for an object) belongs to the body.
    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');
}
