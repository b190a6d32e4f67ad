namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The in-process fan-out of a PostgreSQL NOTIFY channel: the listener hears that something (a trip, a recipient:
/// the NOTIFY payload) has new rows and wakes the streams waiting on it, which then read the rows themselves. A
/// wake-up carries no data, so a stream can never get a row out of order or twice from it; one that comes while
/// the stream is busy is kept until it waits.
/// </summary>
public sealed class DatabaseSignals(string channel)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<Signal>> _open = [];

    /// <summary>The NOTIFY channel whose payloads name what changed.</summary>
    public string Channel { get; } = channel;

    /// <summary>Subscribes a stream; subscribe before the first read, so that nothing committed after it goes unheard.</summary>
    public Signal Subscribe(string subject)
    {
        var signal = new Signal(this, subject);
        lock (_gate)
        {
            if (!_open.TryGetValue(subject, out var signals))
            {
                _open[subject] = signals = [];
            }

            signals.Add(signal);
        }

        return signal;
    }

    public void Wake(string subject)
    {
        Signal[] signals;
        lock (_gate)
        {
            signals = _open.TryGetValue(subject, out var open) ? [.. open] : [];
        }

        foreach (var signal in signals) signal.Set();
    }

    /// <summary>Wakes every stream: after the listener (re)connects, when it may have missed notifications.</summary>
    public void WakeAll()
    {
        Signal[] signals;
        lock (_gate)
        {
            signals = [.. _open.Values.SelectMany(open => open)];
        }

        foreach (var signal in signals) signal.Set();
    }

    public int OpenStreams
    {
        get
        {
            lock (_gate)
            {
                return _open.Values.Sum(open => open.Count);
            }
        }
    }

    private void Unsubscribe(Signal signal)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(signal.Subject, out var signals) && signals.Remove(signal) && signals.Count == 0)
            {
                _open.Remove(signal.Subject);
            }
        }
    }

    /// <summary>One stream's wake-up: set any number of times while the stream is busy, it wakes the next wait once.</summary>
    public sealed class Signal : IDisposable
    {
        private readonly DatabaseSignals _owner;
        private readonly SemaphoreSlim _set = new(0, 1);
        private readonly Lock _gate = new();

        internal Signal(DatabaseSignals owner, string subject)
        {
            _owner = owner;
            Subject = subject;
        }

        public string Subject { get; }

        /// <summary>True when woken, false when <paramref name="timeout"/> passed first.</summary>
        public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _set.WaitAsync(timeout, cancellationToken);

        public void Dispose() => _owner.Unsubscribe(this);

        internal void Set()
        {
            lock (_gate)
            {
                if (_set.CurrentCount == 0) _set.Release();
            }
        }
    }
}
