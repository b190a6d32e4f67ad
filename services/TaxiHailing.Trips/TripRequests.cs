using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace TaxiHailing.Trips;

/// <summary>What a trip request or cancellation came to, whatever API version asked: the trip, or why not (a problem or a refusal).</summary>
public sealed record TripAnswer(Trip? Trip = null, ProblemHttpResult? Problem = null, PassengerRefusal? Refusal = null);

/// <summary>
/// What every version of the trip request does once its body is read: only for oneself, an idempotent repeat gets the
/// first trip, the passenger directory admits the passenger, the trip is quoted and stored, one open trip at a time.
/// </summary>
public sealed class TripRequests(PassengerGate passengers, TripStore store, IOptions<FareOptions> tariff, ILogger<Trip> logger)
{
    /// <param name="tripHref">Where the caller's API version shows a trip: the open trip a refusal names is linked so.</param>
    public async Task<TripAnswer> RequestAsync(
        TripRequest request, ClaimsPrincipal user, string? idempotencyKey, Func<Guid, string> tripHref, CancellationToken cancellationToken)
    {
        if (!user.Is(request.PassengerId))
        {
            return new(Problem: TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not your account",
                detail: "A passenger may request trips only for themselves: passengerId must be your own account id."));
        }

        // A repeat gets the trip made the first time, even if the passenger's standing has changed since.
        if (idempotencyKey is not null && await store.FindByIdempotencyKeyAsync(request.PassengerId, idempotencyKey, cancellationToken) is { } earlier)
        {
            return new(earlier);
        }

        var admission = await passengers.AdmitAsync(request.PassengerId, cancellationToken);
        if (admission.Verification is not { } verification)
        {
            logger.TripRefused(request.PassengerId, admission.Check.Standing, admission.Check.Failure?.Name() ?? "-");
            return new(Refusal: PassengerRefusal.For(admission.Check, request.PassengerId));
        }

        switch (await store.RequestAsync(request, tariff.Value.EstimateFor(request), verification, idempotencyKey, cancellationToken))
        {
            case TripRequestOutcome.Requested(var trip):
                logger.TripRequested(trip.Id, trip.PassengerId);
                return new(trip);
            case TripRequestOutcome.OpenTripHeld(var openTripId):
                return new(Problem: TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "A trip is already open",
                    detail: openTripId is { } open
                        ? $"Your trip {open} is not over yet ({tripHref(open)}): cancel it or wait for it to end before requesting another."
                        : "Your previous trip has just ended; request again."));
            default:
                throw new InvalidOperationException("Unknown trip request outcome.");
        }
    }
}
