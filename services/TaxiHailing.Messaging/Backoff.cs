namespace TaxiHailing.Messaging;

/// <summary>A delay that doubles on every failure, with jitter, up to a ceiling; reset after a success.</summary>
public sealed class Backoff(TimeSpan initial, TimeSpan ceiling)
{
    private int _failures;

    public TimeSpan Next()
    {
        var delay = Math.Min(initial.TotalMilliseconds * Math.Pow(2, _failures++), ceiling.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    public void Reset() => _failures = 0;
}
