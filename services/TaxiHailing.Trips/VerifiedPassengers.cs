using Npgsql;

namespace TaxiHailing.Trips;

/// <summary>
/// When each passenger was last found active by the Passengers service: what Trips falls back on while that
/// service cannot answer. Kept in tripsdb rather than in memory, so that it survives a restart of Trips and every
/// instance of Trips shares it.
/// </summary>
public sealed class VerifiedPassengers(NpgsqlDataSource dataSource)
{
    public async Task RememberAsync(Guid passengerId, DateTimeOffset verifiedAt, CancellationToken cancellationToken)
    {
        await using var upsert = dataSource.CreateCommand("""
            INSERT INTO verified_passengers (passenger_id, verified_at) VALUES ($1, $2)
            ON CONFLICT (passenger_id) DO UPDATE SET verified_at = EXCLUDED.verified_at
            """);
        upsert.Parameters.Add(new NpgsqlParameter { Value = passengerId });
        upsert.Parameters.Add(new NpgsqlParameter { Value = verifiedAt });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A passenger the directory no longer lets ride must not ride on an old verification either.</summary>
    public async Task ForgetAsync(Guid passengerId, CancellationToken cancellationToken)
    {
        await using var delete = dataSource.CreateCommand("DELETE FROM verified_passengers WHERE passenger_id = $1");
        delete.Parameters.Add(new NpgsqlParameter { Value = passengerId });
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> VerifiedSinceAsync(Guid passengerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM verified_passengers WHERE passenger_id = $1 AND verified_at >= $2)");
        select.Parameters.Add(new NpgsqlParameter { Value = passengerId });
        select.Parameters.Add(new NpgsqlParameter { Value = since });
        return (bool)(await select.ExecuteScalarAsync(cancellationToken))!;
    }
}
