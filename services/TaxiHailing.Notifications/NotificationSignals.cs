namespace TaxiHailing.Notifications;

/// <summary>
/// The in-process fan-out: the listener hears that a recipient has new notifications and wakes that recipient's
/// open streams, which then read them from the table. A wake-up carries no data, so a stream can never get a
/// notification out of order or twice from it; one that comes while the stream is busy is kept until it waits.
/// </summary>
public sealed class NotificationSignals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Recipient, HashSet<Signal>> _open = [];

    /// <summary>Subscribes a stream; subscribe before the first read, so that nothing committed after it goes unheard.</summary>
    public Signal Subscribe(Recipient recipient)
    {
        var signal = new Signal(this, recipient);
        lock (_gate)
        {
            if (!_open.TryGetValue(recipient, out var signals))
            {
                _open[recipient] = signals = [];
            }

            signals.Add(signal);
        }

        return signal;
    }

    public void Wake(Recipient recipient)
    {
        Signal[] signals;
        lock (_gate)
        {
            signals = _open.TryGetValue(recipient, out var open) ? [.. open] : [];
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
            if (_open.TryGetValue(signal.Recipient, out var signals) && signals.Remove(signal) && signals.Count == 0)
            {
                _open.Remove(signal.Recipient);
            }
        }
    }

    /// <summary>One stream's wake-up: set any number of times while the stream is busy, it wakes the next wait once.</summary>
    public sealed class Signal : IDisposable
    {
        private readonly NotificationSignals _owner;
        private readonly SemaphoreSlim _set = new(0, 1);
        private readonly Lock _gate = new();

        internal Signal(NotificationSignals owner, Recipient recipient)
        {
            _owner = owner;
            Recipient = recipient;
        }

        public Recipient Recipient { get; }

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
