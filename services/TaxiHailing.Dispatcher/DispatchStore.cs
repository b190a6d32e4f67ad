using Npgsql;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Dispatcher;

/// <summary>Read-only views of the fleet and the dispatch decisions in dispatchdb, for the HTTP API.</summary>
public sealed class DispatchStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Driver>> ListDriversAsync(CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {DriverRows.Columns} FROM {DriverRows.WithPositions} ORDER BY d.name, d.id");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var drivers = new List<Driver>();
        while (await reader.ReadAsync(cancellationToken))
        {
            drivers.Add(await DriverRows.ReadAsync(reader, cancellationToken));
        }

        return drivers;
    }

    public async Task<DispatchDecision?> FindDecisionAsync(Guid tripId, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand("SELECT trip_id, driver_id, decided_at FROM assignments WHERE trip_id = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = tripId });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DispatchDecision(
            TripId: reader.GetGuid(0),
            DriverId: await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetGuid(1),
            DecidedAt: reader.GetFieldValue<DateTimeOffset>(2));
    }

    public async Task<DispatchHistory?> FindHistoryAsync(Guid tripId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            "SELECT stage, round, due_at, product, fare_estimate_amount, fare_estimate_currency FROM dispatches WHERE trip_id = $1", tripId));
        batch.BatchCommands.Add(Command(
            "SELECT offer_id, round, radius_km, driver_ids, offered_at, answer_by FROM offers WHERE trip_id = $1 ORDER BY round", tripId));
        batch.BatchCommands.Add(Command("""
            SELECT a.offer_id, a.driver_id, a.accepted, a.eta_seconds, a.answered_at, a.received_at, a.late
            FROM offer_answers a JOIN offers o ON o.offer_id = a.offer_id WHERE o.trip_id = $1 ORDER BY a.received_at
            """, tripId));
        batch.BatchCommands.Add(Command("""
            SELECT confirmation_id, driver_id, requested_at, answer_by, outcome, reason, settled_at, late_answer
            FROM confirmations WHERE trip_id = $1 ORDER BY requested_at
            """, tripId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var (stage, round, dueAt) = (DispatchStages.Parse(reader.GetString(0)), reader.GetInt32(1), await NullableAsync<DateTimeOffset>(reader, 2));
        var product = RideProducts.Parse(await TextAsync(reader, 3));
        var fareEstimate = await NullableAsync<decimal>(reader, 4) is { } amount ? new Fare(amount, (await TextAsync(reader, 5))!) : null;

        await reader.NextResultAsync(cancellationToken);
        var offers = new List<(Guid Id, int Round, double RadiusKm, Guid[] Drivers, DateTimeOffset OfferedAt, DateTimeOffset AnswerBy)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            offers.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetFieldValue<Guid[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        await reader.NextResultAsync(cancellationToken);
        var answers = new List<(Guid OfferId, AnswerHistory Answer)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            answers.Add((reader.GetGuid(0), new AnswerHistory(reader.GetGuid(1), reader.GetBoolean(2), await NullableAsync<int>(reader, 3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetBoolean(6))));
        }

        await reader.NextResultAsync(cancellationToken);
        var confirmations = new List<ConfirmationHistory>();
        while (await reader.ReadAsync(cancellationToken))
        {
            confirmations.Add(new ConfirmationHistory(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3), await TextAsync(reader, 4), await TextAsync(reader, 5),
                await NullableAsync<DateTimeOffset>(reader, 6), await TextAsync(reader, 7)));
        }

        return new DispatchHistory(tripId, product, fareEstimate, stage, round, dueAt,
            [.. offers.Select(o => new OfferHistory(o.Id, o.Round, o.RadiusKm, o.Drivers, o.OfferedAt, o.AnswerBy,
                [.. answers.Where(a => a.OfferId == o.Id).Select(a => a.Answer)]))],
            confirmations);

        static async Task<T?> NullableAsync<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
            await reader.IsDBNullAsync(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

        static async Task<string?> TextAsync(NpgsqlDataReader reader, int ordinal) =>
            await reader.IsDBNullAsync(ordinal) ? null : reader.GetString(ordinal);
    }

    private static NpgsqlBatchCommand Command(string sql, Guid tripId) => new(sql) { Parameters = { new NpgsqlParameter { Value = tripId } } };
}
