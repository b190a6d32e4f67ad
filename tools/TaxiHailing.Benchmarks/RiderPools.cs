namespace TaxiHailing.Benchmarks;

/// <summary>
/// The passengers the scenarios ride as. Every measured request has a rider of its own, so that no answer
/// is a 409 (one open trip per passenger) or a 429 (per-caller rate limit) of the benchmark's own making. Regulars
/// are each verified live by one trip request, cancelled at once, while Passengers is healthy: what Trips' fallback
/// remembers, per passenger. Newcomers are registered and never verified. Fresh riders ride while all is healthy.
/// </summary>
internal sealed class RiderPools
{
    private const int VerificationConcurrency = 4;

    private readonly Queue<Account> _fresh;
    private readonly Queue<Account> _regulars;
    private readonly Queue<Account> _newcomers;

    private RiderPools(IEnumerable<Account> fresh, IEnumerable<Account> regulars, IEnumerable<Account> newcomers) =>
        (_fresh, _regulars, _newcomers) = (new(fresh), new(regulars), new(newcomers));

    /// <summary>Registers the pools and verifies the regulars; Passengers must be healthy and Trips' circuit to it closed.</summary>
    public static async Task<RiderPools> RegisterAsync(TaxiApi api, int fresh, int regulars, int newcomers, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  registering {fresh} fresh riders, {regulars} regulars and {newcomers} newcomers, and verifying the regulars live ...");
        var pools = new RiderPools(
            await api.RegisterPassengersAsync(fresh, "Benchmark Rider", cancellationToken),
            await api.RegisterPassengersAsync(regulars, "Regular Rider", cancellationToken),
            await api.RegisterPassengersAsync(newcomers, "New Rider", cancellationToken));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = VerificationConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pools._regulars, parallel, async (regular, token) =>
        {
            var answer = await TripAnswer.RequestAsync(api, regular, token);
            if (answer.TripId is { } tripId) await TripAnswer.CancelAllAsync(api, [(regular, tripId)], token);
            if (answer.Kind != TripAnswer.Live)
            {
                throw new SystemNotReadyException($"Trips answered a regular rider's first trip request with \"{answer.Kind}\", not \"{TripAnswer.Live}\", " +
                    "while passengers was healthy: the rider could not be verified.");
            }
        });
        return pools;
    }

    public IReadOnlyList<Account> Fresh(int count) => Take(_fresh, count);

    public IReadOnlyList<Account> Newcomers(int count) => Take(_newcomers, count);

    /// <summary>A regular and a newcomer in turn, a regular first.</summary>
    public IReadOnlyList<Account> RegularsAndNewcomers(int count)
    {
        var regulars = Take(_regulars, (count + 1) / 2);
        var newcomers = Take(_newcomers, count / 2);
        return [.. Enumerable.Range(0, count).Select(i => i % 2 == 0 ? regulars[i / 2] : newcomers[i / 2])];
    }

    private static Account[] Take(Queue<Account> pool, int count) =>
        pool.Count >= count
            ? [.. Enumerable.Range(0, count).Select(_ => pool.Dequeue())]
            : throw new InvalidOperationException($"{count} riders wanted, {pool.Count} left: the pools were registered too small.");
}
