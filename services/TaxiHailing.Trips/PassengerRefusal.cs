using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace TaxiHailing.Trips;

/// <summary>
/// The answer to a trip request whose passenger may not ride, or could not be checked: the one place that maps the
/// passenger directory's verdict to HTTP.
/// </summary>
public sealed class PassengerRefusal : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private PassengerRefusal(ProblemHttpResult problem, TimeSpan? retryAfter)
    {
        Problem = problem;
        RetryAfterDelay = retryAfter;
    }

    public ProblemHttpResult Problem { get; }

    /// <summary>Sent as Retry-After when the refusal is only for now.</summary>
    public TimeSpan? RetryAfterDelay { get; }

    public int StatusCode => Problem.StatusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The refusal for a passenger in this standing, or null when the passenger may ride.</summary>
    public static PassengerRefusal? For(PassengerStanding standing, Guid passengerId) => For(new PassengerCheck(standing), passengerId);

    /// <summary>The refusal for the directory's answer, or null when the passenger may ride.</summary>
    public static PassengerRefusal? For(PassengerCheck check, Guid passengerId) => check.Standing switch
    {
        PassengerStanding.Active => null,
        PassengerStanding.Unknown => new(TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Unknown passenger",
            detail: $"There is no passenger with id {passengerId}."), null),
        PassengerStanding.Suspended => new(TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Passenger suspended",
            detail: $"Passenger {passengerId} is suspended and cannot request trips."), null),
        _ => new(TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Passenger directory unavailable",
            detail: "The passenger could not be verified right now, nor recently enough before; try again shortly.",
            extensions: new Dictionary<string, object?>
            {
                ["dependency"] = PassengerDirectory.ServiceName,
                ["reason"] = (check.Failure ?? DependencyFailure.ErrorAnswer).Name(),
            }), RetryAfter),
    };

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (RetryAfterDelay is { } delay)
        {
            httpContext.Response.Headers.RetryAfter = ((int)delay.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return Problem.ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        int[] statusCodes = [StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable];
        foreach (var statusCode in statusCodes)
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(statusCode, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }
}
