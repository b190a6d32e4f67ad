using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// Acts when a dispatch's time runs out: an offer's window closes (choose among the acceptances, or go to the next
/// round), or a confirmation request goes unanswered (try the next acceptance). Each runs in its own transaction,
/// inside the trip's trace. Several Dispatcher instances can share the work: a dispatch being handled is skipped.
/// </summary>
public sealed class DispatchDeadlines(
    NpgsqlDataSource dataSource, Outbox outbox, IOptions<DispatchOptions> options, TimeProvider clock, ILogger<DispatchDeadlines> logger)
    : BackgroundService
{
    public static readonly ActivitySource Source = new("TaxiHailing.Dispatcher");

    // How late after its deadline a round may close: small beside the offer window.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ActOnNextDueAsync(stoppingToken))
                {
                }

                backoff.Reset();
                await Task.Delay(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                var delay = backoff.Next();
                logger.DeadlinesFailed(exception, delay);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<bool> ActOnNextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.StoredNow();
        var rounds = new DispatchRounds(transaction, outbox, options.Value, now, causationId: null, logger);
        if (await rounds.Rounds.LockNextDueAsync(now, cancellationToken) is not { } dispatch) return false;

        ActivityContext.TryParse(dispatch.TraceParent, dispatch.TraceState, out var trace);
        using var activity = Source.StartActivity("dispatch deadline", ActivityKind.Internal, trace);
        activity?.SetTag("taxi.trip.id", dispatch.TripId.ToString()).SetTag("taxi.dispatch.stage", dispatch.Stage.Name());
        switch (dispatch.Stage)
        {
            case DispatchStage.Offering:
                logger.OfferClosed(dispatch.OfferId!.Value, dispatch.TripId, "its window ended");
                await rounds.CloseRoundAsync(dispatch, cancellationToken);
                break;
            case DispatchStage.Confirming:
                await rounds.SettleConfirmationAsync(dispatch, answer: null, cancellationToken);
                break;
            default:
                await rounds.Rounds.SaveAsync(dispatch with { DueAt = null }, cancellationToken);
                break;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
