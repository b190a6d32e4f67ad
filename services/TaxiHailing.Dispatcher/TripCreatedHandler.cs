using System.Globalization;
using Microsoft.Extensions.Options;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// Gives a new trip to the nearest available driver in range, or declares it unserved; either way the trip gets
/// exactly one outcome, published on the dispatch channel.
/// </summary>
public sealed class TripCreatedHandler(IOptions<DispatchOptions> options, TimeProvider clock, ILogger<TripCreatedHandler> logger)
    : IMessageHandler<TripCreated>
{
    public async Task HandleAsync(TripCreated trip, MessageContext context, CancellationToken cancellationToken)
    {
        var ledger = new DispatchLedger(context.Transaction);
        var dispatch = options.Value;
        var pickupIsValid = trip.Pickup is { Lat: >= -90 and <= 90, Lng: >= -180 and <= 180 };
        var driver = pickupIsValid
            ? await ledger.LockNearestAvailableDriverAsync(trip.Pickup, dispatch.MaxPickupKm, cancellationToken)
            : null;

        var decision = new DispatchDecision(trip.TripId, driver?.Id, ToMicroseconds(clock.GetUtcNow()));
        if (!await ledger.RecordDecisionAsync(decision, cancellationToken))
        {
            logger.TripAlreadyDecided(trip.TripId);
            return;
        }

        var key = trip.TripId.ToString();
        if (driver is null)
        {
            var reason = pickupIsValid
                ? string.Create(CultureInfo.InvariantCulture, $"No driver is available within {dispatch.MaxPickupKm:0.###} km of the pickup")
                : "The trip has no valid pickup position";
            await context.PublishAsync(DispatchChannels.Events, key, new TripUnserved(trip.TripId, reason, decision.DecidedAt), cancellationToken);
            logger.TripUnserved(trip.TripId, reason);
            return;
        }

        await ledger.MarkBusyAsync(driver.Id, trip.TripId, cancellationToken);
        var etaSeconds = PickupEta.Seconds(GreatCircle.DistanceKm(driver.Position!, trip.Pickup), dispatch.AverageSpeedKmh);
        await context.PublishAsync(DispatchChannels.Events, key,
            new DriverAssigned(trip.TripId, driver.Id, driver.Name, driver.Vehicle, etaSeconds, decision.DecidedAt), cancellationToken);
        logger.DriverAssigned(driver.Id, driver.Name, trip.TripId, etaSeconds);
    }

    // PostgreSQL keeps microseconds: the time published and the time GET /v1/assignments shows must be the same.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));
}
