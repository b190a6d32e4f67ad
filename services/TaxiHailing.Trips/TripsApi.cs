using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace TaxiHailing.Trips;

public static class TripsApi
{
    public static IEndpointRouteBuilder MapTripsApiV1(this IEndpointRouteBuilder app)
    {
        var trips = app.MapGroup("/v1/trips").WithTags("Trips");

        trips.MapPost("", RequestTrip)
            .WithName("RequestTrip")
            .WithSummary("Requests a trip for a verified passenger (idempotent with an Idempotency-Key header). " +
                "While the passenger directory cannot answer, a passenger verified within a day still gets the trip, marked passengerVerification: cached. " +
                "With Prefer: respond-async the answer is 202 Accepted: follow the trip at its Location, or push-style at _links.events. " +
                "Passengers request trips for themselves only (403 otherwise), and one at a time: while their last trip is open, 409.")
            .AcceptsJsonBody<RequestTripBody>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRoles(CallerRoles.Passenger)
            .LimitPerCaller();

        trips.MapGet("/{id:guid}", GetTrip)
            .WithName("GetTrip")
            .WithSummary("A trip, with links to the actions its state allows, and its passenger's name and phone from the passenger directory. " +
                "When the directory cannot answer, the trip is still shown, without passenger and with passengerDetails: unavailable. " +
                "Only its passenger and operators see it; to anyone else it is not found.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRoles(CallerRoles.Passenger, CallerRoles.Operator);

        trips.MapPost("/{id:guid}/cancellation", CancelTrip)
            .WithName("CancelTrip")
            .WithSummary("Cancels a trip that can still be cancelled; only its passenger may.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(CallerRoles.Passenger);

        return app;
    }

    public static async Task<Results<Created<TripRepresentation>, Accepted<TripRepresentation>, ProblemHttpResult, PassengerRefusal>> RequestTrip(
        HttpRequest request,
        ClaimsPrincipal user,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        [FromHeader(Name = "Prefer")] string? prefer,
        PassengerGate passengers,
        TripStore store,
        ILogger<Trip> logger,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonBodyAsync(TripsJsonContext.Default.RequestTripBody, cancellationToken);
        if (body.Problem is { } invalidBody)
        {
            return invalidBody;
        }

        if (IdempotencyKey.ProblemWith(idempotencyKey) is { } invalidKey)
        {
            return invalidKey;
        }

        var respondAsync = RespondAsync.IsPreferred(prefer);

        var tripRequest = body.Value!.ToTripRequest();
        if (!user.Is(tripRequest.PassengerId))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not your account",
                detail: "A passenger may request trips only for themselves: passengerId must be your own account id.");
        }

        // A repeat gets the trip made the first time, even if the passenger's standing has changed since.
        if (idempotencyKey is not null && await store.FindByIdempotencyKeyAsync(tripRequest.PassengerId, idempotencyKey, cancellationToken) is { } earlier)
        {
            return Answer(earlier, respondAsync, request.HttpContext.Response);
        }

        var admission = await passengers.AdmitAsync(tripRequest.PassengerId, cancellationToken);
        if (admission.Verification is not { } verification)
        {
            logger.TripRefused(tripRequest.PassengerId, admission.Check.Standing, admission.Check.Failure?.Name() ?? "-");
            return PassengerRefusal.For(admission.Check, tripRequest.PassengerId)!;
        }

        switch (await store.RequestAsync(tripRequest, verification, idempotencyKey, cancellationToken))
        {
            case TripRequestOutcome.Requested(var trip):
                logger.TripRequested(trip.Id, trip.PassengerId);
                return Answer(trip, respondAsync, request.HttpContext.Response);
            case TripRequestOutcome.OpenTripHeld(var openTripId):
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "A trip is already open",
                    detail: openTripId is { } open
                        ? $"Your trip {open} is not over yet ({TripHrefs.Trip(open)}): cancel it or wait for it to end before requesting another."
                        : "Your previous trip has just ended; request again.");
            default:
                throw new InvalidOperationException("Unknown trip request outcome.");
        }
    }

    // The trip exists either way; 202 says that what the passenger is waiting for (a driver) comes later.
    private static Results<Created<TripRepresentation>, Accepted<TripRepresentation>, ProblemHttpResult, PassengerRefusal> Answer(
        Trip trip, bool respondAsync, HttpResponse response)
    {
        if (!respondAsync) return Created(trip);
        response.Headers["Preference-Applied"] = RespondAsync.Preference;
        return TypedResults.Accepted(TripHrefs.Trip(trip.Id), TripRepresentation.Of(trip));
    }

    // Someone else's trip is "not found", as an unknown one is: trip ids cannot be probed.
    public static async Task<Results<Ok<TripRepresentation>, ProblemHttpResult>> GetTrip(
        Guid id, ClaimsPrincipal user, TripStore store, PassengerDirectory passengers, ILogger<Trip> logger, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } trip && MaySee(user, trip)
            ? TypedResults.Ok(await TripRepresentation.Of(trip).WithPassengerAsync(passengers, logger, cancellationToken))
            : TripNotFound(id);

    public static bool MaySee(ClaimsPrincipal user, Trip trip) => user.Is(trip.PassengerId) || user.IsOperator();

    public static async Task<Results<Ok<TripRepresentation>, ProblemHttpResult>> CancelTrip(
        Guid id, ClaimsPrincipal user, TripStore store, ILogger<Trip> logger, CancellationToken cancellationToken)
    {
        if (user.AccountId() is { } passengerId && await store.CancelAsync(id, passengerId, cancellationToken) is { } cancelled)
        {
            logger.TripCancelled(id);
            return TypedResults.Ok(TripRepresentation.Of(cancelled));
        }

        return await store.FindAsync(id, cancellationToken) is { } trip && user.Is(trip.PassengerId)
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Trip cannot be cancelled",
                detail: $"Trip {id} is {trip.State.Name()} and can no longer be cancelled.")
            : TripNotFound(id);
    }

    private static Created<TripRepresentation> Created(Trip trip) =>
        TypedResults.Created(TripHrefs.Trip(trip.Id), TripRepresentation.Of(trip));

    private static ProblemHttpResult TripNotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Trip not found",
        detail: $"There is no trip with id {id}.");
}
