using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace TaxiHailing.Trips;

/// <summary>
/// Version 2 of the trips API, served beside v1 over the same trips: requests name places (address and location) and
/// a product, and are answered with a fare estimate. A trip requested through either version reads through both.
/// </summary>
public static class TripsApiV2
{
    public static IEndpointRouteBuilder MapTripsApiV2(this IEndpointRouteBuilder app)
    {
        var trips = app.MapGroup("/v2/trips").WithTags("Trips");

        trips.MapPost("", RequestTrip)
            .WithName("RequestTripV2")
            .WithSummary("Requests a trip between two named places, in a product (standard when left out), and quotes its fare. " +
                "Idempotent with an Idempotency-Key header; Prefer: respond-async answers 202 Accepted. " +
                "As in v1: only for yourself (403 otherwise), one open trip at a time (409), and a cached verification while the passenger directory cannot answer.")
            .AcceptsJsonBody<RequestTripBodyV2>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRoles(CallerRoles.Passenger)
            .LimitPerCaller();

        trips.MapGet("/{id:guid}", GetTrip)
            .WithName("GetTripV2")
            .WithSummary("A trip, v1-requested ones included, with its places, product and fare estimate, links to what its state allows, " +
                "and its passenger's name and phone from the passenger directory (passengerDetails: unavailable when it cannot answer). " +
                "Only its passenger and operators see it; to anyone else it is not found.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRoles(CallerRoles.Passenger, CallerRoles.Operator);

        trips.MapPost("/{id:guid}/cancellation", CancelTrip)
            .WithName("CancelTripV2")
            .WithSummary("Cancels a trip that can still be cancelled; only its passenger may.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(CallerRoles.Passenger);

        return app;
    }

    public static async Task<Results<Created<TripRepresentationV2>, Accepted<TripRepresentationV2>, ProblemHttpResult, PassengerRefusal>> RequestTrip(
        HttpRequest request,
        ClaimsPrincipal user,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        [FromHeader(Name = "Prefer")] string? prefer,
        TripRequests requests,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonBodyAsync(TripsJsonContext.Default.RequestTripBodyV2, cancellationToken);
        if (body.Problem is { } invalidBody)
        {
            return invalidBody;
        }

        if (IdempotencyKey.ProblemWith(idempotencyKey) is { } invalidKey)
        {
            return invalidKey;
        }

        switch (await requests.RequestAsync(body.Value!.ToTripRequest(), user, idempotencyKey, TripHrefs.V2.Trip, cancellationToken))
        {
            case { Trip: { } trip } when RespondAsync.IsPreferred(prefer):
                request.HttpContext.Response.Headers["Preference-Applied"] = RespondAsync.Preference;
                return TypedResults.Accepted(TripHrefs.V2.Trip(trip.Id), TripRepresentationV2.Of(trip));
            case { Trip: { } trip }:
                return TypedResults.Created(TripHrefs.V2.Trip(trip.Id), TripRepresentationV2.Of(trip));
            case { Refusal: { } refusal }:
                return refusal;
            case { Problem: { } problem }:
                return problem;
            default:
                throw new InvalidOperationException("A trip request answered nothing.");
        }
    }

    public static async Task<Results<Ok<TripRepresentationV2>, ProblemHttpResult>> GetTrip(
        Guid id, ClaimsPrincipal user, TripStore store, PassengerDirectory passengers, ILogger<Trip> logger, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } trip && TripsApi.MaySee(user, trip)
            ? TypedResults.Ok(await TripRepresentationV2.Of(trip).WithPassengerAsync(passengers, logger, cancellationToken))
            : TripsApi.TripNotFound(id);

    public static async Task<Results<Ok<TripRepresentationV2>, ProblemHttpResult>> CancelTrip(
        Guid id, ClaimsPrincipal user, TripStore store, ILogger<Trip> logger, CancellationToken cancellationToken) =>
        await TripsApi.CancelAsync(id, user, store, logger, cancellationToken) switch
        {
            { Trip: { } cancelled } => TypedResults.Ok(TripRepresentationV2.Of(cancelled)),
            var refused => refused.Problem!,
        };
}
