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
}
