using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service's ledgers share: commands in their transaction, and times as PostgreSQL stores them.</summary>
public static class PostgresSql
{
    /// <summary>
    /// A command in the transaction, its values bound in order to $1, $2, ...; a value that is already an
    /// <see cref="NpgsqlParameter"/> (to give its type, jsonb say) is bound as it is.
    /// </summary>
    public static NpgsqlCommand Command(this NpgsqlTransaction transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in values) command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        return command;
    }

    // PostgreSQL keeps microseconds: the time published and the time stored must be the same.
    public static DateTimeOffset StoredNow(this TimeProvider clock) => Stored(clock.GetUtcNow());

    /// <summary>The time as a timestamptz column gives it back: UTC (Npgsql writes no other offset), to the microsecond.</summary>
    public static DateTimeOffset Stored(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }
}
