using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// Fills an empty drivers table with the configured fleet, until a Drivers service owns the fleet. A table that
/// already has drivers is left alone: their positions and trips are the live state.
/// </summary>
public sealed class FleetSeeder(NpgsqlDataSource dataSource, IOptions<FleetOptions> options, ILogger<FleetSeeder> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var fleet = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Counted after taking the lock, in a statement of its own, so that it sees what a rival instance committed.
        await ScalarAsync("SELECT pg_advisory_xact_lock(hashtext('TaxiHailing.Dispatcher fleet'))");
        var existing = (long)(await ScalarAsync("SELECT count(*) FROM drivers"))!;
        if (existing > 0)
        {
            logger.FleetAlreadySeeded(existing);
            return;
        }

        var drivers = FleetGenerator.Generate(fleet);
        await using (var import = await connection.BeginBinaryImportAsync(
            $"COPY drivers ({DriverRows.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var driver in drivers)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(driver.Id, NpgsqlDbType.Uuid, cancellationToken);
                await import.WriteAsync(driver.Name, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(driver.Vehicle.Make, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(driver.Vehicle.Model, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(driver.Vehicle.Colour, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(driver.Vehicle.Plate, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(driver.Position.Lat, NpgsqlDbType.Double, cancellationToken);
                await import.WriteAsync(driver.Position.Lng, NpgsqlDbType.Double, cancellationToken);
                await import.WriteAsync(driver.Available, NpgsqlDbType.Boolean, cancellationToken);
                await import.WriteNullAsync(cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.FleetSeeded(drivers.Count, fleet.RadiusKm, fleet.CenterLat, fleet.CenterLng, fleet.Seed);

        async Task<object?> ScalarAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            return await command.ExecuteScalarAsync(cancellationToken);
        }
    }
}

public static class FleetSeeding
{
    public static Task SeedFleetAsync(this WebApplication app)
    {
        // The host validates options only in Run; validate them all now, so that every configuration error is
        // reported together and none is found after a fleet was seeded from the rest.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        return app.Services.GetRequiredService<FleetSeeder>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping);
    }
}
