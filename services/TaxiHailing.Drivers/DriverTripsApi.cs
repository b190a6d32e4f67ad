using Microsoft.AspNetCore.Http.HttpResults;

namespace TaxiHailing.Drivers;

/// <summary>
/// A driver's trips, for their phone: the trip as the driver does it, and its steps in order (arrival at the pickup,
/// pickup, dropoff), each a POST on the trip's own resource so that a phone behind the times cannot step on another
/// trip. Each step leaves as an event on taxi.drivers.trips; the dropoff frees the driver for the next trip.
/// </summary>
public static class DriverTripsApi
{
    public static IEndpointRouteBuilder MapDriverTripsApiV1(this IEndpointRouteBuilder app)
    {
        var trips = app.MapGroup("/v1/drivers/{id:guid}/trips/{tripId:guid}").WithTags("Driver trips")
            .RequireRoles(CallerRoles.Driver)
            .OnlyForAccount("id", "driver");

        trips.MapGet("", GetDriverTrip)
            .WithName("GetDriverTrip")
            .WithSummary("A trip the driver was given, at whatever stage it is, with a link to its next step.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapStep(trips, "/arrival", DriverTripStep.Arrive, "ArriveAtPickup", "The driver is at the pickup, waiting for the passenger.");
        MapStep(trips, "/pickup", DriverTripStep.PickUp, "PickUpPassenger", "The passenger is on board (only once arrived).");
        MapStep(trips, "/dropoff", DriverTripStep.DropOff, "DropOffPassenger", "The passenger got out (only once picked up): the trip is completed and the driver free.");
        return app;
    }

    private static void MapStep(RouteGroupBuilder trips, string path, DriverTripStep step, string name, string summary) =>
        trips.MapPost(path, (Guid id, Guid tripId, DriverStore drivers, ILogger<DriverTrip> logger, CancellationToken cancellationToken) =>
                TakeStep(id, tripId, step, drivers, logger, cancellationToken))
            .WithName(name)
            .WithSummary($"{summary} The same step again is 200 and changes nothing; a step out of order, or on a trip that is over, is 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<Results<Ok<DriverTripRepresentation>, ProblemHttpResult>> GetDriverTrip(
        Guid id, Guid tripId, DriverStore drivers, DriverTripStore trips, CancellationToken cancellationToken)
    {
        if (await trips.FindAsync(id, tripId, cancellationToken) is { } trip) return TypedResults.Ok(DriverTripRepresentation.Of(trip));
        return await drivers.FindAsync(id, cancellationToken) is null ? DriverNotFound(id) : TripNotFound(id, tripId);
    }

    public static async Task<Results<Ok<DriverTripRepresentation>, ProblemHttpResult>> TakeStep(
        Guid id, Guid tripId, DriverTripStep step, DriverStore drivers, ILogger<DriverTrip> logger, CancellationToken cancellationToken)
    {
        switch (await drivers.InTransactionAsync(ledger => ledger.Trips.TakeStepAsync(id, tripId, step, cancellationToken), cancellationToken))
        {
            case TripStepOutcome.Taken(var trip):
                logger.TripStepTaken(id, step, tripId);
                return TypedResults.Ok(DriverTripRepresentation.Of(trip));
            case TripStepOutcome.Repeated(var trip):
                return TypedResults.Ok(DriverTripRepresentation.Of(trip));
            case TripStepOutcome.Refused(var trip, StepCheck.TripOver):
                return Conflict("Trip is over", $"Trip {tripId} was {trip.Stage.Name()} at {trip.EndedAt:O}{(trip.EndReason is { } why ? $": {why}" : "")}.");
            case TripStepOutcome.Refused(var trip, _):
                var next = trip.Stage.NextStep() is { } allowed ? $"; the next step is {Describe(allowed)}" : "";
                return Conflict("Step out of order", $"Trip {tripId} is {trip.Stage.Name()}: {Describe(step)} is not allowed now{next}.");
            default:
                return await drivers.FindAsync(id, cancellationToken) is null ? DriverNotFound(id) : TripNotFound(id, tripId);
        }
    }

    private static string Describe(DriverTripStep step) => step switch
    {
        DriverTripStep.Arrive => "arrival",
        DriverTripStep.PickUp => "pickup",
        _ => "dropoff",
    };

    private static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    private static ProblemHttpResult DriverNotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Driver not found", detail: $"There is no driver with id {id}.");

    private static ProblemHttpResult TripNotFound(Guid id, Guid tripId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Trip not found", detail: $"Driver {id} was never given trip {tripId}.");
}
