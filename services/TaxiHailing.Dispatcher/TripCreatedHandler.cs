using System.Diagnostics;
using Microsoft.Extensions.Options;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// A new trip: start its dispatch with a first round of offers (or declare it unserved at once). The Dispatcher reads
/// trips.trip-created.v2, for the ride product and the fare estimate; the v1 that Trip Management still publishes
/// beside it for every trip is skipped.
/// </summary>
public sealed class TripCreatedHandler(Outbox outbox, IOptions<DispatchOptions> options, TimeProvider clock, ILogger<TripCreatedHandler> logger)
    : IMessageHandler<TripCreatedV2>
{
    public async Task HandleAsync(TripCreatedV2 trip, MessageContext context, CancellationToken cancellationToken)
    {
        var rounds = new DispatchRounds(context.Transaction, outbox, options.Value, clock.StoredNow(), context.Envelope.MessageId.ToString(), logger);
        // The trip's trace context is kept, so that rounds closed later by the deadline watcher stay in its trace.
        var dispatch = new TripDispatch(trip.TripId, trip.Pickup.Location, trip.Dropoff.Location, context.Envelope.CorrelationId,
            Activity.Current?.Id, Activity.Current?.TraceStateString, DispatchStage.Offering, Round: 0, OfferId: null, ConfirmationId: null, DueAt: null);
        await rounds.StartAsync(dispatch, new RequestedRide(trip.Product, trip.FareEstimate), cancellationToken);
    }
}
