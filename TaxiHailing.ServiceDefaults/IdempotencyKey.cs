using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.Extensions.Hosting;

/// <summary>The optional <c>Idempotency-Key</c> header of a create request.</summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 200;

    /// <summary>The 400 problem for a key we cannot use, or null when the key is absent or usable.</summary>
    public static ProblemHttpResult? ProblemWith(string? key)
    {
        if (key is null || (!string.IsNullOrWhiteSpace(key) && key.Length <= MaxLength && !ControlCharacters.AreIn(key)))
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>
        {
            [HeaderName] = [$"The {HeaderName} header must be 1-{MaxLength} characters, not blank, without control characters."],
        };
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
        });
    }
}
