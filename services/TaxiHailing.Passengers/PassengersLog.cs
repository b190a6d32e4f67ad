namespace TaxiHailing.Passengers;

internal static partial class PassengersLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Passenger {PassengerId} registered")]
    public static partial void PassengerRegistered(this ILogger logger, Guid passengerId);

    // Trips' calls land here: the end-to-end tests find the caller's trace id in this line, so keep it at Information.
    [LoggerMessage(Level = LogLevel.Information, Message = "Passenger {PassengerId} looked up: {Status}")]
    public static partial void PassengerLookedUp(this ILogger logger, Guid passengerId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passenger {PassengerId} suspended")]
    public static partial void PassengerSuspended(this ILogger logger, Guid passengerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passenger {PassengerId} reinstated")]
    public static partial void PassengerReinstated(this ILogger logger, Guid passengerId);
}
