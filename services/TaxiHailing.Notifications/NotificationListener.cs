using Npgsql;

namespace TaxiHailing.Notifications;

/// <summary>
/// LISTENs on the notifications channel, which the insert trigger NOTIFYs with the recipient of every new
/// notification once its transaction commits, and wakes the recipient's open streams. Every instance of the
/// service listens, so a stream hears of a notification whichever instance stored it. While the connection is
/// down the streams' slow poll takes over, and a reconnect wakes them all.
/// </summary>
public sealed class NotificationListener(NpgsqlDataSource dataSource, NotificationSignals signals, ILogger<NotificationListener> logger)
    : BackgroundService
{
    public const string Channel = "notifications";

    // How long the connection may stay silent before a ping checks that it is still there.
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);
    // Short: while it is down, new notifications reach the streams only by their slow poll.
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retryDelay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    if (Recipient.TryParse(notification.Payload, out var recipient)) signals.Wake(recipient);
                };
                await ExecuteAsync(connection, $"LISTEN {Channel}", stoppingToken);
                logger.Listening();
                signals.WakeAll();
                retryDelay = TimeSpan.FromMilliseconds(250);
                while (true)
                {
                    if (!await connection.WaitAsync(Heartbeat, stoppingToken))
                    {
                        await ExecuteAsync(connection, "SELECT 1", stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.ListenerFailed(exception, retryDelay);
                try
                {
                    await Task.Delay(retryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
