namespace TaxiHailing.Trips;

internal static partial class TripsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} requested by passenger {PassengerId}")]
    public static partial void TripRequested(this ILogger logger, Guid tripId, Guid passengerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip request refused: passenger {PassengerId} is {Standing} ({Reason})")]
    public static partial void TripRefused(this ILogger logger, Guid passengerId, PassengerStanding standing, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Passenger {PassengerId} verified from cache: the passenger directory failed ({Reason})")]
    public static partial void PassengerVerifiedFromCache(this ILogger logger, Guid passengerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trip {TripId} shown without its passenger's details: the passenger directory failed ({Reason})")]
    public static partial void TripShownWithoutPassenger(this ILogger logger, Guid tripId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} cancelled")]
    public static partial void TripCancelled(this ILogger logger, Guid tripId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Passenger directory answered {StatusCode} for passenger {PassengerId}")]
    public static partial void PassengerDirectoryFailed(this ILogger logger, Guid passengerId, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId}: driver {DriverId} assigned, ETA {EtaSeconds} s")]
    public static partial void DriverAssigned(this ILogger logger, Guid tripId, Guid driverId, int etaSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} unserved: {Reason}")]
    public static partial void TripUnserved(this ILogger logger, Guid tripId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} no longer waits for a driver (or is unknown): {MessageType} ignored")]
    public static partial void OutcomeIgnored(this ILogger logger, Guid tripId, string messageType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} is {State}")]
    public static partial void TripMovedOn(this ILogger logger, Guid tripId, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} completed: {DistanceKm} km in {DurationSeconds} s, fare {Fare} {Currency}")]
    public static partial void TripCompleted(this ILogger logger, Guid tripId, double distanceKm, int durationSeconds, decimal fare, string currency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} cannot move on (over, already there, or another driver's): {MessageType} ignored")]
    public static partial void DriverStepIgnored(this ILogger logger, Guid tripId, string messageType);
}
