namespace TaxiHailing.Drivers;

internal static partial class DriversLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} ({DriverName}) registered with vehicle {Plate}")]
    public static partial void DriverRegistered(this ILogger logger, Guid driverId, string driverName, string plate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration refused: plate {Plate} belongs to another driver")]
    public static partial void PlateTaken(this ILogger logger, string plate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} is {Availability}")]
    public static partial void AvailabilityChanged(this ILogger logger, Guid driverId, string availability);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Driver {DriverId} reported location ({Lat}, {Lng})")]
    public static partial void LocationReported(this ILogger logger, Guid driverId, double lat, double lng);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} is on trip {TripId}")]
    public static partial void TripRecorded(this ILogger logger, Guid driverId, Guid tripId);

    // Expected while the Dispatcher still seeds a fleet of its own: its drivers are not ours.
    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} went to driver {DriverId}, who is not registered here; ignored")]
    public static partial void AssignedDriverUnknown(this ILogger logger, Guid driverId, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} was cancelled before its assignment to driver {DriverId} arrived; ignored")]
    public static partial void AssignedTripAlreadyCancelled(this ILogger logger, Guid driverId, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} released from cancelled trip {TripId}")]
    public static partial void DriverReleased(this ILogger logger, Guid driverId, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled trip {TripId} had no driver of ours")]
    public static partial void NoDriverToRelease(this ILogger logger, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated fleet ready: {Online} of {Size} drivers online within {RadiusKm} km of ({CenterLat}, {CenterLng}), seed {Seed}; {Registered} newly registered")]
    public static partial void SimulatedFleetReady(this ILogger logger, int online, int size, double radiusKm, double centerLat, double centerLng, int seed, int registered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated driver {DriverId} left out: plate {Plate} belongs to another driver")]
    public static partial void SimulatedPlateTaken(this ILogger logger, Guid driverId, string plate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet simulation is off (Simulation:Enabled is false)")]
    public static partial void SimulationDisabled(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulation tick: {Reported} simulated drivers reported their location")]
    public static partial void SimulationTick(this ILogger logger, int reported);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fleet simulation failed; trying again in {Delay}")]
    public static partial void SimulationFailed(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferId} of trip {TripId} (round {Round}) opened for {Opened} of the {Listed} drivers listed, to answer by {AnswerBy}")]
    public static partial void OfferReceived(this ILogger logger, Guid offerId, Guid tripId, int round, int opened, int listed, DateTimeOffset answerBy);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Offer {OfferId} lists driver {DriverId}, who is not registered here (or had it already); ignored")]
    public static partial void OfferForUnknownDriver(this ILogger logger, Guid offerId, Guid driverId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} {Answer} offer {OfferId} of trip {TripId}")]
    public static partial void OfferAnswered(this ILogger logger, Guid driverId, string answer, Guid offerId, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferId} of trip {TripId} withdrawn from {Withdrawn} drivers: {Reason}")]
    public static partial void OfferWithdrawn(this ILogger logger, Guid offerId, Guid tripId, int withdrawn, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmed driver {DriverId} for trip {TripId}")]
    public static partial void AssignmentConfirmed(this ILogger logger, Guid driverId, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused driver {DriverId} for trip {TripId}: {Reason}")]
    public static partial void AssignmentRefused(this ILogger logger, Guid driverId, Guid tripId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulated driver {DriverId} will {Answer} offer {OfferId} of trip {TripId} in {Delay}")]
    public static partial void SimulatedAnswerPlanned(this ILogger logger, Guid driverId, string answer, Guid offerId, Guid tripId, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulated driver {DriverId} could not answer offer {OfferId}: {Outcome}")]
    public static partial void SimulatedAnswerRefused(this ILogger logger, Guid driverId, Guid offerId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated answers to offers failed; trying again in {Delay}")]
    public static partial void SimulatedAnswersFailed(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId}: {Step} on trip {TripId}")]
    public static partial void TripStepTaken(this ILogger logger, Guid driverId, DriverTripStep step, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverId} let go of trip {TripId}: {Reason}")]
    public static partial void TripAbandoned(this ILogger logger, Guid driverId, Guid tripId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not let drivers go of the trips they did not start; trying again in {Delay}")]
    public static partial void PickupDeadlinesFailed(this ILogger logger, Exception exception, TimeSpan delay);
}
