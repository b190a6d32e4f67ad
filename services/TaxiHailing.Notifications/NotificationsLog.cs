namespace TaxiHailing.Notifications;

// The end-to-end tests may look for the trip id in the handlers' lines: keep them at Information.
internal static partial class NotificationsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Notified passenger {PassengerId}: {Kind} for trip {TripId} (notification {NotificationId})")]
    public static partial void NotifiedPassenger(this ILogger logger, Guid passengerId, string kind, Guid tripId, long notificationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notified driver {DriverId}: {Kind} for trip {TripId} (notification {NotificationId})")]
    public static partial void NotifiedDriver(this ILogger logger, Guid driverId, string kind, Guid tripId, long notificationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Held {MessageType} for trip {TripId} until the trip's TripCreated arrives")]
    public static partial void MessageHeld(this ILogger logger, string messageType, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} held message(s) of trip {TripId}")]
    public static partial void HeldMessagesReleased(this ILogger logger, int count, Guid tripId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} for trip {TripId} notifies nobody: {Reason}")]
    public static partial void MessageIgnored(this ILogger logger, string messageType, Guid tripId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Streaming notifications to {Recipient} after notification {AfterId}")]
    public static partial void StreamOpened(this ILogger logger, Recipient recipient, long afterId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification stream of {Recipient} closed after notification {LastId}")]
    public static partial void StreamClosed(this ILogger logger, Recipient recipient, long lastId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification stream of {Recipient} cannot read the database; trying again in {Delay}")]
    public static partial void StreamStalled(this ILogger logger, Exception exception, Recipient recipient, TimeSpan delay);


}
