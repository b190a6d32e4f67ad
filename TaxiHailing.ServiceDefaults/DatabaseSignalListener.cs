using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseSignalsExtensions
{
    /// <summary>
    /// Wakes in-process waiters when a trigger NOTIFYs <paramref name="channel"/> with the subject of a committed
    /// change (see <see cref="DatabaseSignals"/>).
    /// </summary>
    public static TBuilder AddDatabaseSignals<TBuilder>(this TBuilder builder, string channel) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(new DatabaseSignals(channel));
        builder.Services.AddHostedService<DatabaseSignalListener>();
        return builder;
    }
}

/// <summary>
/// LISTENs on the channel, which an insert trigger NOTIFYs with the subject of every new row once its transaction
/// commits, and wakes the subject's waiters. Every instance of the service listens, so a waiter hears of a change
/// whichever instance made it. While the connection is down the waiters' slow poll takes over, and a reconnect
/// wakes them all.
/// </summary>
internal sealed partial class DatabaseSignalListener(NpgsqlDataSource dataSource, DatabaseSignals signals, ILogger<DatabaseSignalListener> logger)
    : BackgroundService
{
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
                    signals.Wake(notification.Payload);
                };
                await ExecuteAsync(connection, $"LISTEN {signals.Channel}", stoppingToken);
                Listening(logger, signals.Channel);
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
                ListenerFailed(logger, exception, signals.Channel, retryDelay);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on {Channel}")]
    private static partial void Listening(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening on {Channel} failed; listening again in {Delay}")]
    private static partial void ListenerFailed(ILogger logger, Exception exception, string channel, TimeSpan delay);
}
