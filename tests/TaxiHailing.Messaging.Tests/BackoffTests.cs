namespace TaxiHailing.Messaging.Tests;

public sealed class BackoffTests
{
    [Fact]
    public void The_delay_doubles_up_to_the_ceiling_within_the_jitter_and_starts_over_after_a_reset()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.Next().TotalMilliseconds).ToList();
        backoff.Reset();
        var afterReset = backoff.Next().TotalMilliseconds;

        double[] expected = [100, 200, 400, 800, 1000, 1000, 1000, 1000];
        foreach (var (delay, nominal) in delays.Zip(expected)) Assert.InRange(delay, nominal * 0.8, nominal * 1.2);
        Assert.InRange(afterReset, 80, 120);
    }
}
