using Microsoft.AspNetCore.Http.HttpResults;

namespace TaxiHailing.Drivers;

/// <summary>
/// Trips offered to a driver, for their phone: the offers they can answer now, and their answer, which goes back to
/// the Dispatcher as an OfferAnswered on the offer's reply-to channel.
/// </summary>
public static class OffersApi
{
    public static IEndpointRouteBuilder MapOffersApiV1(this IEndpointRouteBuilder app)
    {
        var offers = app.MapGroup("/v1/drivers/{id:guid}/offers").WithTags("Offers")
            .RequireRoles(CallerRoles.Driver)
            .OnlyForAccount("id", "driver");

        offers.MapGet("", ListOffers)
            .WithName("ListOffers")
            .WithSummary("The trips offered to the driver that they can still answer (open, and not past their answer-by time), oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        offers.MapGet("/{offerId:guid}", GetOffer)
            .WithName("GetOffer")
            .WithSummary("A trip offered to the driver, in whatever state it is, with accept and decline links while it can be answered.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        offers.MapPost("/{offerId:guid}/answer", AnswerOffer)
            .WithName("AnswerOffer")
            .WithSummary("Accepts (only when online) or declines the offer before its answer-by time. The same answer again is 200; another is 409.")
            .AcceptsJsonBody<AnswerOfferBody>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Ok<OfferListRepresentation>, ProblemHttpResult>> ListOffers(
        Guid id, DriverStore drivers, OfferStore offers, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await drivers.FindAsync(id, cancellationToken) is null)
        {
            return DriverNotFound(id);
        }

        var open = await offers.OpenOffersAsync([id], cancellationToken);
        return TypedResults.Ok(OfferListRepresentation.Of(id, open, clock.GetUtcNow()));
    }

    public static async Task<Results<Ok<OfferRepresentation>, ProblemHttpResult>> GetOffer(
        Guid id, Guid offerId, DriverStore drivers, OfferStore offers, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await offers.FindAsync(id, offerId, cancellationToken) is { } offer)
        {
            return TypedResults.Ok(OfferRepresentation.Of(offer, clock.GetUtcNow()));
        }

        return await drivers.FindAsync(id, cancellationToken) is null ? DriverNotFound(id) : OfferNotFound(id, offerId);
    }

    public static async Task<Results<Ok<OfferRepresentation>, ProblemHttpResult>> AnswerOffer(
        Guid id, Guid offerId, HttpRequest request, OfferStore offers, TimeProvider clock, ILogger<DriverOffer> logger,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonBodyAsync(DriversJsonContext.Default.AnswerOfferBody, cancellationToken);
        if (body.Problem is { } invalidBody)
        {
            return invalidBody;
        }

        var accept = body.Value!.Accepts;
        switch (await offers.AnswerAsync(id, offerId, accept, cancellationToken))
        {
            case OfferAnswerOutcome.Answered(var offer):
                logger.OfferAnswered(id, accept ? "accepted" : "declined", offerId, offer.TripId);
                return Ok(offer);
            case OfferAnswerOutcome.Repeated(var offer):
                return Ok(offer);
            case OfferAnswerOutcome.AlreadyAnswered(var offer):
                return Conflict("Offer already answered",
                    $"Driver {id} {(offer.State == OfferState.Accepted ? "accepted" : "declined")} offer {offerId} at {offer.AnsweredAt:O}; an answer cannot be changed.");
            case OfferAnswerOutcome.Withdrawn(var offer):
                return Conflict("Offer withdrawn", $"Offer {offerId} was withdrawn at {offer.WithdrawnAt:O}: {offer.WithdrawalReason}.");
            case OfferAnswerOutcome.Expired(var offer):
                return Conflict("Offer expired", $"The offer expired at {offer.AnswerBy:O}.");
            case OfferAnswerOutcome.DriverOffline:
                return Conflict("Driver is offline", $"Driver {id} is offline: go online before accepting offers.");
            case OfferAnswerOutcome.UnknownOffer:
                return OfferNotFound(id, offerId);
            default:
                return DriverNotFound(id);
        }

        Ok<OfferRepresentation> Ok(DriverOffer offer) => TypedResults.Ok(OfferRepresentation.Of(offer, clock.GetUtcNow()));
    }

    private static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    private static ProblemHttpResult DriverNotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Driver not found",
        detail: $"There is no driver with id {id}.");

    private static ProblemHttpResult OfferNotFound(Guid id, Guid offerId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Offer not found",
        detail: $"Driver {id} has no offer {offerId}.");
}
