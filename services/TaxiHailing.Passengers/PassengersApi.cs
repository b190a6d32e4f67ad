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
            .WithSummary("Registers a passenger (idempotent with an Idempotency-Key header).")
            .AcceptsJsonBody<RegisterPassengerBody>();

        passengers.MapGet("/{id:guid}", GetPassenger)
            .WithName("GetPassenger")
            .WithSummary("A passenger, with links to the actions its status allows.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        passengers.MapPut("/{id:guid}/suspension", SuspendPassenger)
            .WithName("SuspendPassenger")
            .WithSummary("Suspends a passenger: suspended passengers cannot request trips (idempotent).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        passengers.MapDelete("/{id:guid}/suspension", ReinstatePassenger)
            .WithName("ReinstatePassenger")
            .WithSummary("Lifts a passenger's suspension (idempotent).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Created<PassengerRepresentation>, ProblemHttpResult>> RegisterPassenger(
        HttpRequest request,
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

        var passenger = await store.RegisterAsync(body.Value!.ToRegistration(), idempotencyKey, cancellationToken);
        logger.PassengerRegistered(passenger.Id);
        return TypedResults.Created(PassengerHrefs.Passenger(passenger.Id), PassengerRepresentation.Of(passenger));
    }

    public static async Task<Results<Ok<PassengerRepresentation>, ProblemHttpResult>> GetPassenger(
        Guid id, PassengerStore store, ILogger<Passenger> logger, CancellationToken cancellationToken)
    {
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
