using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace TaxiHailing.Drivers;

/// <summary>The driver-facing API: drivers register, go online or offline, and report where they are.</summary>
public static class DriversApi
{
    public static IEndpointRouteBuilder MapDriversApiV1(this IEndpointRouteBuilder app)
    {
        var drivers = app.MapGroup("/v1/drivers").WithTags("Drivers");

        drivers.MapPost("", RegisterDriver)
            .WithName("RegisterDriver")
            .WithSummary("Registers the signed-in driver and their vehicle, offline: the driver's id is the token's subject " +
                "(idempotent with an Idempotency-Key header). A plate registers once, and so does a driver.")
            .AcceptsJsonBody<RegisterDriverBody>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRoles(CallerRoles.Driver)
            .LimitPerCaller();

        drivers.MapGet("", ListDrivers)
            .WithName("ListDrivers")
            .WithSummary("The drivers (?online=true or false for only those), with how many of the whole fleet are online and offline. Operators only.")
            .ProducesValidationProblem()
            .RequireRoles(CallerRoles.Operator);

        drivers.MapGet("/{id:guid}", GetDriver)
            .WithName("GetDriver")
            .WithSummary("A driver, with links to the actions the driver's state allows: to the driver themselves and operators.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRoles(CallerRoles.Driver, CallerRoles.Operator)
            .OnlyForAccount("id", "driver", operatorsToo: true);

        drivers.MapPut("/{id:guid}/availability", ChangeAvailability)
            .WithName("ChangeAvailability")
            .WithSummary("Takes the driver online (a position is required) or offline (idempotent).")
            .AcceptsJsonBody<AvailabilityBody>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRoles(CallerRoles.Driver)
            .OnlyForAccount("id", "driver");

        drivers.MapPost("/{id:guid}/location", ReportLocation)
            .WithName("ReportLocation")
            .WithSummary("A notification of where an online driver is: 202 Accepted, with nothing to read back.")
            .AcceptsJsonBody<CoordinatesBody>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(CallerRoles.Driver)
            .OnlyForAccount("id", "driver");

        return app;
    }

    public static async Task<Results<Created<DriverRepresentation>, ProblemHttpResult>> RegisterDriver(
        HttpRequest request,
        ClaimsPrincipal user,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        DriverStore store,
        ILogger<Driver> logger,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonBodyAsync(DriversJsonContext.Default.RegisterDriverBody, cancellationToken);
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
            case RegistrationOutcome.Registered(var driver):
                logger.DriverRegistered(driver.Id, driver.Name, driver.Vehicle.Plate);
                return Created(driver);
            case RegistrationOutcome.Repeated(var driver):
                return Created(driver);
            case RegistrationOutcome.PlateTaken(var plate):
                logger.PlateTaken(plate);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Plate already registered",
                    detail: $"The vehicle with plate {plate} is registered to another driver.");
            case RegistrationOutcome.AlreadyRegistered:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Driver already registered",
                    detail: $"Driver {id} is registered already; see {DriverHrefs.Driver(id)}.");
            case RegistrationOutcome.KeyTaken:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Idempotency key already used",
                    detail: $"The {IdempotencyKey.HeaderName} was used by another driver's registration; use a key of your own.");
            default:
                throw new InvalidOperationException("Unknown registration outcome.");
        }
    }

    public static async Task<Results<Ok<DriverListRepresentation>, ProblemHttpResult>> ListDrivers(
        [FromQuery(Name = "online")] string? online, DriverStore store, CancellationToken cancellationToken)
    {
        bool? onlineFilter = null;
        if (online is not null)
        {
            if (!bool.TryParse(online, out var value))
            {
                return Invalid("online", "The online filter must be true or false.");
            }

            onlineFilter = value;
        }

        var drivers = await store.ListAsync(onlineFilter, cancellationToken);
        var fleet = await store.CountAsync(cancellationToken);
        return TypedResults.Ok(DriverListRepresentation.Of(drivers, fleet, onlineFilter));
    }

    public static async Task<Results<Ok<DriverRepresentation>, ProblemHttpResult>> GetDriver(
        Guid id, DriverStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } driver
            ? TypedResults.Ok(DriverRepresentation.Of(driver))
            : DriverNotFound(id);

    public static async Task<Results<Ok<DriverRepresentation>, ProblemHttpResult>> ChangeAvailability(
        Guid id, HttpRequest request, DriverStore store, ILogger<Driver> logger, CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonBodyAsync(DriversJsonContext.Default.AvailabilityBody, cancellationToken);
        if (body.Problem is { } invalidBody)
        {
            return invalidBody;
        }

        var availability = body.Value!;
        if (await store.ChangeAvailabilityAsync(id, availability.GoesOnline, availability.ToPosition(), cancellationToken) is not { } change)
        {
            return DriverNotFound(id);
        }

        if (change.Changed)
        {
            logger.AvailabilityChanged(id, change.Driver.Online ? "online" : "offline");
        }

        return TypedResults.Ok(DriverRepresentation.Of(change.Driver));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> ReportLocation(
        Guid id, HttpRequest request, DriverStore store, ILogger<Driver> logger, CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonBodyAsync(DriversJsonContext.Default.CoordinatesBody, cancellationToken);
        if (body.Problem is { } invalidBody)
        {
            return invalidBody;
        }

        var position = body.Value!.ToGeoPoint();
        switch (await store.ReportLocationAsync(id, position, cancellationToken))
        {
            case LocationReportOutcome.Accepted:
                logger.LocationReported(id, position.Lat, position.Lng);
                return TypedResults.Accepted((string?)null);
            case LocationReportOutcome.DriverOffline:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Driver is offline",
                    detail: $"Driver {id} is offline: go online before reporting locations.");
            default:
                return DriverNotFound(id);
        }
    }

    private static Created<DriverRepresentation> Created(Driver driver) =>
        TypedResults.Created(DriverHrefs.Driver(driver.Id), DriverRepresentation.Of(driver));

    private static ProblemHttpResult DriverNotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Driver not found",
        detail: $"There is no driver with id {id}.");

    private static ProblemHttpResult Invalid(string field, string error) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [error] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
        });
}
