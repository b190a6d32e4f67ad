using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace TaxiHailing.Passengers;

public static class PassengersApi
{
    public static IEndpointRouteBuilder MapPassengersApiV1(this IEndpointRouteBuilder app)
    {
        var passengers = app.MapGroup("/v1/passengers").WithTags("Passengers");

        passengers.MapPost("", RegisterPassenger)
            .WithName("RegisterPassenger")
            .WithSummary("Registers the signed-in passenger: the account id is the token's subject (idempotent with an Idempotency-Key header). " +
                "A second registration of the same account is a 409.")
            .AcceptsJsonBody<RegisterPassengerBody>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRoles(CallerRoles.Passenger)
            .LimitPerCaller();

        passengers.MapGet("/{id:guid}", GetPassenger)
            .WithName("GetPassenger")
            .WithSummary("A passenger, with links to the actions its status allows: to the passenger themselves, operators and other services.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRoles(CallerRoles.Passenger, CallerRoles.Operator, CallerRoles.Service);

        passengers.MapPut("/{id:guid}/suspension", SuspendPassenger)
            .WithName("SuspendPassenger")
            .WithSummary("Suspends a passenger: suspended passengers cannot request trips (idempotent). Operators only.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRoles(CallerRoles.Operator);

        passengers.MapDelete("/{id:guid}/suspension", ReinstatePassenger)
            .WithName("ReinstatePassenger")
            .WithSummary("Lifts a passenger's suspension (idempotent). Operators only.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRoles(CallerRoles.Operator);

        return app;
    }

    public static async Task<Results<Created<PassengerRepresentation>, ProblemHttpResult>> RegisterPassenger(
        HttpRequest request,
        ClaimsPrincipal user,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        PassengerStore store,
        ILogger<Passenger> logger,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonBodyAsync(PassengersJsonContext.Default.RegisterPassengerBody, cancellationToken);
        if (body.Problem is { } invalidBody)
        {
            return invalidBody;
        }

        if (IdempotencyKey.ProblemWith(idempotencyKey) is { } invalidKey)
        {
            return invalidKey;
        }

        var id = user.AccountId()!.Value;
        switch (await store.RegisterAsync(id, body.Value!.ToRegistration(), idempotencyKey, cancellationToken))
        {
            case PassengerRegistrationOutcome.Registered(var passenger):
                logger.PassengerRegistered(passenger.Id);
                return Created(passenger);
            case PassengerRegistrationOutcome.Repeated(var passenger):
                return Created(passenger);
            case PassengerRegistrationOutcome.AlreadyRegistered:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Passenger already registered",
                    detail: $"Passenger {id} is registered already; see {PassengerHrefs.Passenger(id)}.");
            default:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Idempotency key already used",
                    detail: $"The {IdempotencyKey.HeaderName} was used by another account's registration; use a key of your own.");
        }
    }

    private static Created<PassengerRepresentation> Created(Passenger passenger) =>
        TypedResults.Created(PassengerHrefs.Passenger(passenger.Id), PassengerRepresentation.Of(passenger));

    // Another passenger's account is "not found", as an unknown one is: ids cannot be probed for who is registered.
    public static async Task<Results<Ok<PassengerRepresentation>, ProblemHttpResult>> GetPassenger(
        Guid id, ClaimsPrincipal user, PassengerStore store, ILogger<Passenger> logger, CancellationToken cancellationToken)
    {
        if (user.IsInRole(CallerRoles.Passenger) && !user.Is(id)) return PassengerNotFound(id);
        var passenger = await store.FindAsync(id, cancellationToken);
        logger.PassengerLookedUp(id, passenger?.Status.Name() ?? "unknown");
        return passenger is null ? PassengerNotFound(id) : TypedResults.Ok(PassengerRepresentation.Of(passenger));
    }

    public static async Task<Results<Ok<PassengerRepresentation>, ProblemHttpResult>> SuspendPassenger(
        Guid id, PassengerStore store, ILogger<Passenger> logger, CancellationToken cancellationToken)
    {
        var passenger = await store.ChangeStatusAsync(id, PassengerStatus.Suspended, cancellationToken);
        if (passenger is null)
        {
            return PassengerNotFound(id);
        }

        logger.PassengerSuspended(id);
        return TypedResults.Ok(PassengerRepresentation.Of(passenger));
    }

    public static async Task<Results<Ok<PassengerRepresentation>, ProblemHttpResult>> ReinstatePassenger(
        Guid id, PassengerStore store, ILogger<Passenger> logger, CancellationToken cancellationToken)
    {
        var passenger = await store.ChangeStatusAsync(id, PassengerStatus.Active, cancellationToken);
        if (passenger is null)
        {
            return PassengerNotFound(id);
        }

        logger.PassengerReinstated(id);
        return TypedResults.Ok(PassengerRepresentation.Of(passenger));
    }

    private static ProblemHttpResult PassengerNotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Passenger not found",
        detail: $"There is no passenger with id {id}.");
}
