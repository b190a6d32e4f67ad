using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers;

/// <summary>The driver_offers table's columns, in the order <see cref="ReadAsync"/> expects them, and its states.</summary>
internal static class OfferRows
{
    public const string Columns = """
        offer_id, driver_id, trip_id, round, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng, offered_at, answer_by,
        state, answered_at, withdrawn_at, withdrawal_reason, reply_to, correlation_id, trace_parent, trace_state
        """;

    public static string Name(OfferState state) => state switch
    {
        OfferState.Open => "open",
        OfferState.Accepted => "accepted",
        OfferState.Declined => "declined",
        OfferState.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown offer state."),
    };

    public static OfferState Parse(string state) => state switch
    {
        "open" => OfferState.Open,
        "accepted" => OfferState.Accepted,
        "declined" => OfferState.Declined,
        "withdrawn" => OfferState.Withdrawn,
        _ => throw new InvalidOperationException($"driver_offers holds an unknown state '{state}'."),
    };

    public static async Task<DriverOffer?> ReadSingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? await ReadAsync(reader, cancellationToken) : null;
    }

    public static async Task<IReadOnlyList<DriverOffer>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var offers = new List<DriverOffer>();
        while (await reader.ReadAsync(cancellationToken)) offers.Add(await ReadAsync(reader, cancellationToken));
        return offers;
    }

    private static async Task<DriverOffer> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) => new(
        OfferId: reader.GetGuid(0),
        DriverId: reader.GetGuid(1),
        TripId: reader.GetGuid(2),
        Round: reader.GetInt32(3),
        Pickup: new GeoPoint(reader.GetDouble(4), reader.GetDouble(5)),
        Dropoff: new GeoPoint(reader.GetDouble(6), reader.GetDouble(7)),
        OfferedAt: reader.GetFieldValue<DateTimeOffset>(8),
        AnswerBy: reader.GetFieldValue<DateTimeOffset>(9),
        State: Parse(reader.GetString(10)),
        AnsweredAt: await NullableAsync<DateTimeOffset>(reader, 11, cancellationToken),
        WithdrawnAt: await NullableAsync<DateTimeOffset>(reader, 12, cancellationToken),
        WithdrawalReason: await reader.IsDBNullAsync(13, cancellationToken) ? null : reader.GetString(13),
        ReplyTo: new ReplyAddress(reader.GetString(14), reader.GetString(15)),
        TraceParent: await reader.IsDBNullAsync(16, cancellationToken) ? null : reader.GetString(16),
        TraceState: await reader.IsDBNullAsync(17, cancellationToken) ? null : reader.GetString(17));

    private static async Task<T?> NullableAsync<T>(NpgsqlDataReader reader, int ordinal, CancellationToken cancellationToken) where T : struct =>
        await reader.IsDBNullAsync(ordinal, cancellationToken) ? null : reader.GetFieldValue<T>(ordinal);
}
