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

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} ({DriverName}) joined the fleet")]
    public static partial void DriverJoined(this ILogger logger, Guid driverId, string driverName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} is {Availability}")]
    public static partial void DriverAvailability(this ILogger logger, Guid driverId, string availability);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Driver {DriverId} is at ({Lat}, {Lng})")]
    public static partial void DriverMoved(this ILogger logger, Guid driverId, double lat, double lng);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} for driver {DriverId}, who is not known here (yet): ignored")]
    public static partial void UnknownDriver(this ILogger logger, string messageType, Guid driverId);
}
