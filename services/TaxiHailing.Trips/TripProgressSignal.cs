using System.Collections.Concurrent;
using Npgsql;

namespace TaxiHailing.Trips;

/// <summary>
/// Wakes the event streams of a trip when its progress grows: one LISTEN connection per instance, fed by a trigger
/// whose NOTIFY arrives only when the change commits. A stream also rechecks on its own now and then, so a
/// notification lost with a dropped connection costs a delay, never an event.
/// </summary>
public sealed class TripProgressSignal(NpgsqlDataSource dataSource, ILogger<TripProgressSignal> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();

    /// <summary>A task that completes at the next committed change of the trip's progress.</summary>
    public Task NextChange(Guid tripId) =>
        _waiters.GetOrAdd(tripId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Lets go of the trip's wake-up once its last stream is done, unless a change has already claimed it.</summary>
    public void Forget(Guid tripId, Task change)
    {
        if (_waiters.TryGetValue(tripId, out var signal) && signal.Task == change) _waiters.TryRemove(new(tripId, signal));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    if (Guid.TryParse(notification.Payload, out var tripId) && _waiters.TryRemove(tripId, out var signal)) signal.TrySetResult();
                };
                await using (var listen = new NpgsqlCommand("LISTEN trip_progress", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.ProgressListenerFailed(exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
