namespace TaxiHailing.Contracts.Dispatch;

public static class DispatchChannels
{
    /// <summary>The Dispatcher's outcomes for trips, keyed by trip id.</summary>
    public static readonly Channel Events = new("taxi.dispatch.events", [DriverAssigned.MessageType, TripUnserved.MessageType]);

    /// <summary>Offers of trips to drivers and their withdrawals, keyed by trip id so that a withdrawal follows its offer.</summary>
    public static readonly Channel Offers = new("taxi.dispatch.offers", [TripOffered.MessageType, OfferWithdrawn.MessageType]);

    /// <summary>The Dispatcher's reply channel: answers to its offers and requests, matched by correlation id.</summary>
    public static readonly Channel Replies = new("taxi.dispatch.replies", [Drivers.OfferAnswered.MessageType, Drivers.AssignmentAnswered.MessageType]);
}
