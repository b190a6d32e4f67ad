using Microsoft.Extensions.Options;

namespace TaxiHailing.Drivers;

/// <summary>
/// The simulated fleet's phones answering offers: every <see cref="Interval"/> it reads the offers open for simulated
/// drivers, plans an answer for each new one (see <see cref="AnswerSchedule"/>) and gives the answers that are due
/// through <see cref="OfferLedger"/>, as the HTTP API does. The plan lives in memory: after a restart, what is still
/// open is planned afresh.
/// </summary>
public sealed class SimulatedOfferAnswers(
    OfferStore offers, TimeProvider clock, IOptions<SimulationOptions> options, ILogger<SimulatedOfferAnswers> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var simulation = options.Value;
        if (!simulation.Enabled || simulation.Size == 0) return;

        Guid[] fleet = [.. SimulatedFleet.Generate(simulation).Select(driver => driver.Id)];
        var schedule = new AnswerSchedule(simulation, new Random());
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(fleet, schedule, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Answers not given stay due: the next tick gives them.
                    logger.SimulatedAnswersFailed(exception, Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TickAsync(Guid[] fleet, AnswerSchedule schedule, CancellationToken cancellationToken)
    {
        var open = await offers.OpenOffersAsync(fleet, cancellationToken);
        var (planned, due) = schedule.Update(open, clock.GetUtcNow());
        foreach (var answer in planned)
        {
            logger.SimulatedAnswerPlanned(answer.DriverId, answer.Accept ? "accept" : "decline", answer.OfferId, answer.TripId, answer.Delay);
        }

        foreach (var answer in due)
        {
            var outcome = await offers.AnswerAsync(answer.DriverId, answer.OfferId, answer.Accept, cancellationToken);
            schedule.Settle(answer);
            if (outcome is OfferAnswerOutcome.Answered)
            {
                logger.OfferAnswered(answer.DriverId, answer.Accept ? "accepted" : "declined", answer.OfferId, answer.TripId);
            }
            else
            {
                // Withdrawn or expired meanwhile, or the driver was taken offline through the API: as a phone would be.
                logger.SimulatedAnswerRefused(answer.DriverId, answer.OfferId, outcome.GetType().Name);
            }
        }
    }
}
