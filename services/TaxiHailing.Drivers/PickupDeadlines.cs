using Microsoft.Extensions.Options;
using TaxiHailing.Contracts.Drivers;

namespace TaxiHailing.Drivers;

/// <summary>
/// Lets drivers go of the trips they have not started within <see cref="DriverTripOptions.PickupTimeout"/> of being
/// assigned: each in a transaction of its own, so a pickup that commits first wins and the trip goes on.
/// </summary>
public sealed class PickupDeadlines(
    DriverStore drivers, DriverTripStore trips, IOptions<DriverTripOptions> options, TimeProvider clock, ILogger<PickupDeadlines> logger)
    : BackgroundService
{
    private const int TripsPerCheck = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timeout = options.Value.PickupTimeout;
        var interval = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 10, TimeSpan.FromMilliseconds(200).Ticks, TimeSpan.FromSeconds(5).Ticks));
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ReleaseOverdueAsync(timeout, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.PickupDeadlinesFailed(exception, interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReleaseOverdueAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var assignedBy = clock.GetUtcNow() - timeout;
        var reason = TripAbandonedReasons.PickupTimedOut(timeout);
        foreach (var tripId in await trips.NotStartedSinceAsync(assignedBy, TripsPerCheck, cancellationToken))
        {
            if (await drivers.InTransactionAsync(ledger => ledger.Trips.AbandonAsync(tripId, assignedBy, reason, cancellationToken), cancellationToken) is { } abandoned)
            {
                logger.TripAbandoned(abandoned.DriverId, tripId, reason);
            }
        }
    }
}
