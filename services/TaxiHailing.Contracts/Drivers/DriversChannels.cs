namespace TaxiHailing.Contracts.Drivers;

public static class DriversChannels
{
    /// <summary>What happens to drivers (registered, online or offline), published by the Drivers service; keyed by driver id.</summary>
    public static readonly Channel Events = new("taxi.drivers.events", [DriverRegistered.MessageType, DriverAvailabilityChanged.MessageType]);

    /// <summary>
    /// Where online drivers are: one-way notifications from their phones (nobody replies), keyed by driver id so that
    /// one driver's reports stay in order. A channel of its own, because it carries far more traffic than the events.
    /// </summary>
    public static readonly Channel Locations = new("taxi.drivers.locations", [DriverLocationReported.MessageType]);

    /// <summary>Requests to the Drivers service that expect an answer on the requester's reply-to channel; keyed by trip id.</summary>
    public static readonly Channel Requests = new("taxi.drivers.requests", [ConfirmAssignment.MessageType]);

    /// <summary>
    /// What drivers do on the trips they were given, step by step, keyed by trip id so that a trip's steps stay in order:
    /// arriving, arrived, picked up, dropped off, or let go of a trip never started.
    /// </summary>
    public static readonly Channel Trips = new("taxi.drivers.trips",
    [
        DriverArriving.MessageType, DriverArrived.MessageType, PassengerPickedUp.MessageType, PassengerDroppedOff.MessageType,
        TripAbandoned.MessageType,
    ]);
}
