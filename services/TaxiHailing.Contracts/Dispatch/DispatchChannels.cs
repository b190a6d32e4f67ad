namespace TaxiHailing.Contracts.Dispatch;

public static class DispatchChannels
{
    /// <summary>The Dispatcher's outcomes for trips, keyed by trip id.</summary>
    public static readonly Channel Events = new("taxi.dispatch.events", [DriverAssigned.MessageType, TripUnserved.MessageType]);
}
