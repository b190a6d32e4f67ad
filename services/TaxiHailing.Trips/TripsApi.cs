using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace TaxiHailing.Trips;

public static class TripsApi
{
    /// <summary>v1 of the trips resource lives on for at least six months after v2 came (docs/api-evolution.md).</summary>
    public static readonly ApiDeprecation V1Deprecation = new(
        DeprecatedAt: new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero),
        SunsetAt: new DateTimeOffset(2027, 6, 30, 23, 59, 59, TimeSpan.Zero),
        Successor: "/v2/trips");

    public static IEndpointRouteBuilder MapTripsApiV1(this IEndpointRouteBuilder app)
    {
        var trips = app.MapGroup("/v1/trips").WithTags("Trips").DeprecatedBy(V1Deprecation);

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
        TripRequests requests,
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

        return await requests.RequestAsync(body.Value!.ToTripRequest(), user, idempotencyKey, TripHrefs.Trip, cancellationToken) switch
        {
            { Trip: { } trip } => Answer(trip, RespondAsync.IsPreferred(prefer), request.HttpContext.Response),
            { Refusal: { } refusal } => refusal,
            { Problem: { } problem } => problem,
            _ => throw new InvalidOperationException("A trip request answered nothing."),
        };
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
        Guid id, ClaimsPrincipal user, TripStore store, ILogger<Trip> logger, CancellationToken cancellationToken) =>
        await CancelAsync(id, user, store, logger, cancellationToken) switch
        {
            { Trip: { } cancelled } => TypedResults.Ok(TripRepresentation.Of(cancelled)),
            var refused => refused.Problem!,
        };

    /// <summary>Cancels the caller's trip (the answer's Trip), or says why not: 409 when it is too late, 404 when it is not theirs.</summary>
    public static async Task<TripAnswer> CancelAsync(
        Guid id, ClaimsPrincipal user, TripStore store, ILogger<Trip> logger, CancellationToken cancellationToken)
    {
        if (user.AccountId() is { } passengerId && await store.CancelAsync(id, passengerId, cancellationToken) is { } cancelled)
        {
            logger.TripCancelled(id);
            return new(cancelled);
        }

        return new(Problem: await store.FindAsync(id, cancellationToken) is { } trip && user.Is(trip.PassengerId)
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Trip cannot be cancelled",
                detail: $"Trip {id} is {trip.State.Name()} and can no longer be cancelled.")
            : TripNotFound(id));
    }

    private static Created<TripRepresentation> Created(Trip trip) =>
        TypedResults.Created(TripHrefs.Trip(trip.Id), TripRepresentation.Of(trip));

    public static ProblemHttpResult TripNotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Trip not found",
        detail: $"There is no trip with id {id}.");
}
