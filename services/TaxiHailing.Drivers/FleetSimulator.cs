using Microsoft.Extensions.Options;
using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers;

/// <summary>
/// Drives the simulated fleet: at start, makes sure its drivers are registered and online; then, every report
/// interval, moves each online simulated driver a step and reports where they are: a random walk, or on a trip the
/// way <see cref="TripDrive"/> drives it, taking its steps. Everything goes through <see cref="DriverLedger"/>, as the
/// HTTP API does, so the simulated fleet publishes exactly what real phones cause.
/// </summary>
public sealed class FleetSimulator(
    DriverStore store, DriverTripStore trips, IOptions<SimulationOptions> options, TimeProvider clock, ILogger<FleetSimulator> logger) : BackgroundService
{
    private const int DriversPerTransaction = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var simulation = options.Value;
        if (!simulation.Enabled)
        {
            logger.SimulationDisabled();
            return;
        }

        var fleet = SimulatedFleet.Generate(simulation);
        var headings = fleet.ToDictionary(driver => driver.Id, driver => driver.StartHeading);
        var walk = RandomWalk.For(simulation);
        try
        {
            await RetryAsync(() => EnsureFleetAsync(simulation, fleet, stoppingToken), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(1, simulation.ReportInterval.TotalMilliseconds)));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(fleet, headings, walk, simulation, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // This tick's reports are lost, as a phone's would be; the next tick reports afresh.
                    logger.SimulationFailed(exception, simulation.ReportInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Registers the drivers not registered yet, and takes online those who are offline or outside the area.</summary>
    private async Task EnsureFleetAsync(SimulationOptions simulation, IReadOnlyList<SimulatedDriver> fleet, CancellationToken cancellationToken)
    {
        var (registered, online) = (0, 0);
        foreach (var chunk in fleet.Chunk(DriversPerTransaction))
        {
            var (chunkRegistered, chunkOnline) = await store.InTransactionAsync(ledger => EnsureAsync(ledger, chunk), cancellationToken);
            (registered, online) = (registered + chunkRegistered, online + chunkOnline);
        }

        logger.SimulatedFleetReady(online, fleet.Count, simulation.RadiusKm, simulation.CenterLat, simulation.CenterLng, simulation.Seed, registered);

        async Task<(int Registered, int Online)> EnsureAsync(DriverLedger ledger, SimulatedDriver[] drivers)
        {
            var (newlyRegistered, nowOnline) = (0, 0);
            foreach (var simulated in drivers)
            {
                Driver driver;
                switch (await ledger.RegisterAsync(simulated.Id, simulated.Registration, simulated.IdempotencyKey, cancellationToken))
                {
                    case RegistrationOutcome.Registered(var fresh):
                        logger.DriverRegistered(fresh.Id, fresh.Name, fresh.Vehicle.Plate);
                        (driver, newlyRegistered) = (fresh, newlyRegistered + 1);
                        break;
                    case RegistrationOutcome.Repeated(var existing):
                        driver = existing;
                        break;
                    case RegistrationOutcome.PlateTaken(var plate):
                        logger.SimulatedPlateTaken(simulated.Id, plate);
                        continue;
                    default:
                        throw new InvalidOperationException("Unknown registration outcome.");
                }

                if (driver is not { Online: true, Position: { } position } || GreatCircle.DistanceKm(simulation.Center, position) > simulation.RadiusKm)
                {
                    if (await ledger.ChangeAvailabilityAsync(simulated.Id, online: true, simulated.Start, cancellationToken) is { Changed: true })
                    {
                        logger.AvailabilityChanged(simulated.Id, "online");
                    }
                }

                nowOnline++;
            }

            return (newlyRegistered, nowOnline);
        }
    }

    /// <summary>One step of every online simulated driver, reported a chunk of drivers per transaction.</summary>
    private async Task TickAsync(
        IReadOnlyList<SimulatedDriver> fleet, Dictionary<Guid, double> headings, RandomWalk walk, SimulationOptions simulation,
        CancellationToken cancellationToken)
    {
        Guid[] ids = [.. headings.Keys];
        var current = (await store.FindManyAsync(ids, cancellationToken)).ToDictionary(driver => driver.Id);
        var onTrips = await trips.CurrentTripsAsync(ids, cancellationToken);
        var now = clock.GetUtcNow();
        var moves = new List<SimulatedMove>();
        foreach (var simulated in fleet) // in index order, so that a seed gives the same walk
        {
            // Drivers taken offline through the API stay where they are until they come back online.
            if (current.GetValueOrDefault(simulated.Id) is not { Online: true, Position: { } position }) continue;
            if (onTrips.GetValueOrDefault(simulated.Id) is { } trip)
            {
                var (next, step) = TripDrive.Next(trip, position, simulation.TripStepKm, simulation.Boarding, now);
                // Standing still (waiting for the passenger, or at a trip speed of 0) reports nothing.
                moves.Add(new(simulated.Id, next == position ? null : next, trip.TripId, step));
                continue;
            }

            var (walked, heading) = walk.Step(position, headings[simulated.Id]);
            headings[simulated.Id] = heading;
            moves.Add(new(simulated.Id, walked, null, null));
        }

        if (moves.Count == 0) return;

        // In chunks: one long transaction would hold every simulated driver's row lock for the whole tick, and
        // answering an offer or confirming an assignment, which lock a driver, would wait for it.
        var reported = 0;
        foreach (var chunk in moves.Chunk(DriversPerTransaction))
        {
            reported += await store.InTransactionAsync(async ledger =>
            {
                var accepted = 0;
                foreach (var move in chunk)
                {
                    if (move.Position is { } position)
                    {
                        // A driver who went offline since they were read is refused, exactly as their phone would be.
                        if (await ledger.ReportLocationAsync(move.DriverId, position, cancellationToken) != LocationReportOutcome.Accepted) continue;
                        logger.LocationReported(move.DriverId, position.Lat, position.Lng);
                        accepted++;
                    }

                    if (move is { TripId: { } tripId, Step: { } step }
                        && await ledger.Trips.TakeStepAsync(move.DriverId, tripId, step, cancellationToken) is TripStepOutcome.Taken)
                    {
                        logger.TripStepTaken(move.DriverId, step, tripId);
                    }
                }

                return accepted;
            }, cancellationToken);
        }

        logger.SimulationTick(reported);
    }

    private sealed record SimulatedMove(Guid DriverId, GeoPoint? Position, Guid? TripId, DriverTripStep? Step);

    private async Task RetryAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                await work();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.SimulationFailed(exception, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}
