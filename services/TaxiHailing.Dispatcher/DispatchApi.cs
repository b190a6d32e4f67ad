using Microsoft.AspNetCore.Http.HttpResults;

namespace TaxiHailing.Dispatcher;

/// <summary>Read-only views for operators: the Dispatcher's decisions are made from messages, not requests.</summary>
public static class DispatchApi
{
    public static IEndpointRouteBuilder MapDispatchApiV1(this IEndpointRouteBuilder endpoints)
    {
        var app = endpoints.MapGroup("").RequireRoles(CallerRoles.Operator);
        app.MapGet("/v1/drivers", GetFleet)
            .WithTags("Drivers")
            .WithName("GetFleet")
            .WithSummary("Every driver of the fleet, where they are and whether they are free, with the counts of free and busy drivers.");

        app.MapGet("/v1/assignments/{tripId:guid}", GetAssignment)
            .WithTags("Assignments")
            .WithName("GetAssignment")
            .WithSummary("What the Dispatcher decided for a trip: the driver assigned, or unserved.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/v1/dispatches/{tripId:guid}", GetDispatch)
            .WithTags("Assignments")
            .WithName("GetDispatch")
            .WithSummary("How a trip is being, or was, dispatched: its rounds of offers with every answer (late ones marked), and the confirmations asked for.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    public static async Task<Results<Ok<DispatchHistory>, ProblemHttpResult>> GetDispatch(
        Guid tripId, DispatchStore store, CancellationToken cancellationToken) =>
        await store.FindHistoryAsync(tripId, cancellationToken) is { } history
            ? TypedResults.Ok(history)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Trip not dispatched",
                detail: $"The Dispatcher has not started dispatching trip {tripId}: it does not know the trip, or has not handled it yet.");

    public static async Task<Ok<FleetRepresentation>> GetFleet(DispatchStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(FleetRepresentation.Of(await store.ListDriversAsync(cancellationToken)));

    public static async Task<Results<Ok<AssignmentRepresentation>, ProblemHttpResult>> GetAssignment(
        Guid tripId, DispatchStore store, CancellationToken cancellationToken) =>
        await store.FindDecisionAsync(tripId, cancellationToken) is { } decision
            ? TypedResults.Ok(AssignmentRepresentation.Of(decision))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Trip not dispatched",
                detail: $"The Dispatcher has made no decision for trip {tripId}: it does not know the trip, or has not handled it yet.");
}
