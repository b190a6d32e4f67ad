namespace TaxiHailing.Dispatcher;

// The end-to-end tests find the trip id and the trace id in the handlers' lines: keep them at Information.
internal static partial class DispatcherLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Assigned driver {DriverId} ({DriverName}) to trip {TripId}, ETA {EtaSeconds} s")]
    public static partial void DriverAssigned(this ILogger logger, Guid driverId, string driverName, Guid tripId, int etaSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} unserved: {Reason}")]
    public static partial void TripUnserved(this ILogger logger, Guid tripId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} was already dispatched; nothing more to do")]
    public static partial void TripAlreadyDecided(this ILogger logger, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released driver {DriverId} from cancelled trip {TripId}")]
    public static partial void DriverReleased(this ILogger logger, Guid driverId, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled trip {TripId} had no driver to release")]
    public static partial void NoDriverToRelease(this ILogger logger, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded a fleet of {Size} drivers within {RadiusKm} km of ({CenterLat}, {CenterLng}), seed {Seed}")]
    public static partial void FleetSeeded(this ILogger logger, int size, double radiusKm, double centerLat, double centerLng, int seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "The fleet already has {Count} drivers; not seeding")]
    public static partial void FleetAlreadySeeded(this ILogger logger, long count);
}
