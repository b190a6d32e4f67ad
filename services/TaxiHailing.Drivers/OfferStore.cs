using Npgsql;

namespace TaxiHailing.Drivers;

/// <summary>Drivers' offers in driversdb: reads, and each answer in a transaction of its own through <see cref="OfferLedger"/>.</summary>
public sealed class OfferStore(NpgsqlDataSource dataSource, Messaging.Outbox outbox, TimeProvider clock)
{
    public Task<OfferAnswerOutcome> AnswerAsync(Guid driverId, Guid offerId, bool accept, CancellationToken cancellationToken) =>
        InTransactionAsync(ledger => ledger.AnswerAsync(driverId, offerId, accept, cancellationToken), cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns (nothing is written when it throws).</summary>
    public async Task<T> InTransactionAsync<T>(Func<OfferLedger, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(new OfferLedger(transaction, outbox, clock));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<DriverOffer?> FindAsync(Guid driverId, Guid offerId, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {OfferRows.Columns} FROM driver_offers WHERE offer_id = $1 AND driver_id = $2");
        select.Parameters.Add(new NpgsqlParameter { Value = offerId });
        select.Parameters.Add(new NpgsqlParameter { Value = driverId });
        return await OfferRows.ReadSingleAsync(select, cancellationToken);
    }

    /// <summary>The offers the drivers can still answer (open, and not past their answer-by time), oldest first.</summary>
    public async Task<IReadOnlyList<DriverOffer>> OpenOffersAsync(Guid[] driverIds, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"""
            SELECT {OfferRows.Columns} FROM driver_offers
            WHERE driver_id = ANY($1) AND state = 'open' AND answer_by >= $2
            ORDER BY offered_at, offer_id, driver_id
            """);
        select.Parameters.Add(new NpgsqlParameter { Value = driverIds });
        select.Parameters.Add(new NpgsqlParameter { Value = clock.StoredNow() });
        return await OfferRows.ReadAllAsync(select, cancellationToken);
    }
}
