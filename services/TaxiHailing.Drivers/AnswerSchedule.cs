namespace TaxiHailing.Drivers;

/// <summary>
/// When and how the simulated drivers answer their offers. An offer seen for the first time gets a human-like delay,
/// uniform between the configured minimum and maximum, and a decision (declined with the configured probability);
/// it is answered once, when the delay is up, and forgotten when it is no longer open.
/// </summary>
public sealed class AnswerSchedule(SimulationOptions options, Random random)
{
    private readonly Dictionary<(Guid OfferId, Guid DriverId), PlannedAnswer> _planned = [];
    private readonly HashSet<(Guid OfferId, Guid DriverId)> _settled = [];

    /// <summary>How many open offers the schedule remembers.</summary>
    public int Count => _planned.Count;

    /// <summary>
    /// Plans the offers in <paramref name="open"/> not seen before and forgets the ones it no longer holds; returns the
    /// newly planned answers and those due at <paramref name="now"/> (soonest first) that were not settled yet.
    /// </summary>
    public ScheduleUpdate Update(IReadOnlyList<DriverOffer> open, DateTimeOffset now)
    {
        var current = open.Select(offer => (offer.OfferId, offer.DriverId)).ToHashSet();
        foreach (var gone in _planned.Keys.Where(key => !current.Contains(key)).ToList())
        {
            _planned.Remove(gone);
            _settled.Remove(gone);
        }

        var planned = new List<PlannedAnswer>();
        foreach (var offer in open)
        {
            if (_planned.ContainsKey((offer.OfferId, offer.DriverId))) continue;
            var answer = Plan(offer, now);
            _planned[(offer.OfferId, offer.DriverId)] = answer;
            planned.Add(answer);
        }

        var due = _planned
            .Where(entry => entry.Value.DueAt <= now && !_settled.Contains(entry.Key))
            .Select(entry => entry.Value)
            .OrderBy(answer => answer.DueAt)
            .ToList();
        return new ScheduleUpdate(planned, due);
    }

    /// <summary>The answer was given (or refused for good): it is not due again, even while the offer still looks open.</summary>
    public void Settle(PlannedAnswer answer) => _settled.Add((answer.OfferId, answer.DriverId));

    private PlannedAnswer Plan(DriverOffer offer, DateTimeOffset now)
    {
        var (min, max) = (options.AnswerDelayMinSeconds, options.AnswerDelayMaxSeconds);
        var delay = TimeSpan.FromSeconds(min + random.NextDouble() * (max - min));
        var accept = random.NextDouble() >= options.DeclineProbability;
        return new PlannedAnswer(offer.OfferId, offer.DriverId, offer.TripId, accept, delay, now + delay);
    }
}

/// <summary>What a simulated driver will answer to an offer, and when.</summary>
public sealed record PlannedAnswer(Guid OfferId, Guid DriverId, Guid TripId, bool Accept, TimeSpan Delay, DateTimeOffset DueAt);

public sealed record ScheduleUpdate(IReadOnlyList<PlannedAnswer> Planned, IReadOnlyList<PlannedAnswer> Due);
