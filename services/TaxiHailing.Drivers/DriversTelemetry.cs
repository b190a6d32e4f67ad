using System.Diagnostics;

namespace TaxiHailing.Drivers;

/// <summary>The Drivers service's own spans (ServiceDefaults traces every "TaxiHailing.*" source).</summary>
internal static class DriversTelemetry
{
    public const string SourceName = "TaxiHailing.Drivers";
    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The W3C trace context of the current work, to be stored with what it received and continued later.</summary>
    public static (string? TraceParent, string? TraceState) CurrentContext() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? (current.Id, current.TraceStateString) : (null, null);

    /// <summary>
    /// A driver answering an offer, as part of the offer's trace (so the Dispatcher's trace of a trip holds its
    /// answers), linked to the work that answered, e.g. the phone's HTTP request, which has a trace of its own.
    /// </summary>
    public static Activity? StartAnswer(DriverOffer offer, bool accept)
    {
        var answering = Activity.Current;
        var hasOfferTrace = ActivityContext.TryParse(offer.TraceParent, offer.TraceState, out var offerTrace);
        ActivityLink[]? links = hasOfferTrace && answering is not null ? [new ActivityLink(answering.Context)] : null;
        var activity = Source.StartActivity("answer offer", ActivityKind.Internal, hasOfferTrace ? offerTrace : default, links: links);
        activity?.SetTag("taxi.offer.id", offer.OfferId.ToString())
            .SetTag("taxi.trip.id", offer.TripId.ToString())
            .SetTag("taxi.driver.id", offer.DriverId.ToString())
            .SetTag("taxi.offer.accepted", accept);
        return activity;
    }
}
