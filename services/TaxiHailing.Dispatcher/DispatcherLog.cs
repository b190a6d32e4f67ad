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

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} is free again: trip {TripId} {How}")]
    public static partial void DriverFreed(this ILogger logger, Guid driverId, Guid tripId, string how);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} had no driver to release")]
    public static partial void NoDriverToRelease(this ILogger logger, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} ({DriverName}) joined the fleet")]
    public static partial void DriverJoined(this ILogger logger, Guid driverId, string driverName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} is {Availability}")]
    public static partial void DriverAvailability(this ILogger logger, Guid driverId, string availability);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Driver {DriverId} is at ({Lat}, {Lng})")]
    public static partial void DriverMoved(this ILogger logger, Guid driverId, double lat, double lng);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} for driver {DriverId}, who is not known here (yet): ignored")]
    public static partial void UnknownDriver(this ILogger logger, string messageType, Guid driverId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offered trip {TripId} to {DriverCount} driver(s) within {RadiusKm} km (round {Round}, offer {OfferId})")]
    public static partial void TripOffered(this ILogger logger, Guid tripId, int round, int driverCount, double radiusKm, Guid offerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} {Answer} the offer of trip {TripId}")]
    public static partial void OfferAnswered(this ILogger logger, Guid driverId, string answer, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored driver {DriverId}'s answer to offer {OfferId} of trip {TripId}: it came after the offer closed")]
    public static partial void LateAnswerIgnored(this ILogger logger, Guid driverId, Guid offerId, Guid tripId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an answer from driver {DriverId} to offer {OfferId}: {Reason}")]
    public static partial void AnswerIgnored(this ILogger logger, Guid driverId, Guid offerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferId} of trip {TripId} closed: {Why}")]
    public static partial void OfferClosed(this ILogger logger, Guid offerId, Guid tripId, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Asked the Drivers service to confirm driver {DriverId} for trip {TripId} (ETA {EtaSeconds} s, confirmation {ConfirmationId})")]
    public static partial void ConfirmationRequested(this ILogger logger, Guid driverId, Guid tripId, int etaSeconds, Guid confirmationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} was not confirmed for trip {TripId} ({Outcome}: {Reason}); trying the next")]
    public static partial void ConfirmationFailed(this ILogger logger, Guid driverId, Guid tripId, string outcome, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored the answer to confirmation {ConfirmationId}: it came after the request was settled")]
    public static partial void LateConfirmationIgnored(this ILogger logger, Guid confirmationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Withdrew offer {OfferId} of trip {TripId} from {DriverCount} driver(s): {Reason}")]
    public static partial void OfferWithdrawn(this ILogger logger, Guid offerId, Guid tripId, int driverCount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not act on the dispatches whose time ran out; retrying in {Delay}")]
    public static partial void DeadlinesFailed(this ILogger logger, Exception exception, TimeSpan delay);
}
