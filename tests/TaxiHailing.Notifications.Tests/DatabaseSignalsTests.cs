using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Notifications.Tests;

public class DatabaseSignalsTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan NotAtAll = TimeSpan.FromMilliseconds(50);

    private readonly DatabaseSignals _signals = new("notifications");
    private readonly string _passenger = Recipient.Passenger(Guid.NewGuid()).ToString();
    private readonly string _driver = Recipient.Driver(Guid.NewGuid()).ToString();

    [Fact]
    public async Task A_wake_up_reaches_every_stream_of_that_recipient_and_no_other()
    {
        using var phone = _signals.Subscribe(_passenger);
        using var tablet = _signals.Subscribe(_passenger);
        using var driver = _signals.Subscribe(_driver);

        _signals.Wake(_passenger);

        Assert.True(await phone.WaitAsync(Soon, CancellationToken.None));
        Assert.True(await tablet.WaitAsync(Soon, CancellationToken.None));
        Assert.False(await driver.WaitAsync(NotAtAll, CancellationToken.None));
    }

    [Fact]
    public async Task A_wake_up_while_the_stream_is_busy_is_kept_for_its_next_wait_once()
    {
        using var stream = _signals.Subscribe(_passenger);

        _signals.Wake(_passenger);
        _signals.Wake(_passenger);

        Assert.True(await stream.WaitAsync(Soon, CancellationToken.None));
        Assert.False(await stream.WaitAsync(NotAtAll, CancellationToken.None));
    }

    [Fact]
    public async Task Waking_all_reaches_every_open_stream()
    {
        using var passenger = _signals.Subscribe(_passenger);
        using var driver = _signals.Subscribe(_driver);

        _signals.WakeAll();

        Assert.True(await passenger.WaitAsync(Soon, CancellationToken.None));
        Assert.True(await driver.WaitAsync(Soon, CancellationToken.None));
    }

    [Fact]
    public async Task A_closed_stream_is_forgotten()
    {
        var closed = _signals.Subscribe(_passenger);
        using var open = _signals.Subscribe(_passenger);
        Assert.Equal(2, _signals.OpenStreams);

        closed.Dispose();
        _signals.Wake(_passenger);

        Assert.Equal(1, _signals.OpenStreams);
        Assert.False(await closed.WaitAsync(NotAtAll, CancellationToken.None));
        Assert.True(await open.WaitAsync(Soon, CancellationToken.None));
        open.Dispose();
        Assert.Equal(0, _signals.OpenStreams);
    }

    [Fact]
    public async Task A_waiting_stream_is_released_when_its_client_goes()
    {
        using var stream = _signals.Subscribe(_passenger);
        using var clientGone = new CancellationTokenSource();

        var waiting = stream.WaitAsync(Timeout.InfiniteTimeSpan, clientGone.Token);
        await clientGone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
