using System.Net.Http.Json;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using static TaxiHailing.Drivers.Tests.DispatcherSide;

namespace TaxiHailing.Drivers.Tests;

/// <summary>ConfirmAssignment requests on taxi.drivers.requests, answered on the requester's reply channel.</summary>
[Collection(DriversServiceCollection.Name)]
public sealed class AssignmentConfirmationTests(DriversService drivers)
{
    private static readonly GeoPoint Soho = new(51.5136, -0.1365);

    [Fact]
    public async Task A_driver_who_accepted_the_offer_is_confirmed_under_the_request_correlation_id()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(Soho);
        var offer = await OfferAndAnswerAsync(driverId, accept: true);
        var correlationId = Guid.NewGuid();

        var requestId = await drivers.ConfirmAsync(offer.TripId, driverId, correlationId);

        var reply = await drivers.ReplyAsync(AssignmentAnswered.MessageType, correlationId);
        Assert.Equal(offer.TripId.ToString(), reply.Message.Key);
        Assert.Equal(requestId.ToString(), reply.Header("causation-id"));
        var answer = KafkaChannels.Body<AssignmentAnswered>(reply);
        Assert.Equal((offer.TripId, driverId, true, (string?)null), (answer.TripId, answer.DriverId, answer.Confirmed, answer.Reason));
        var driver = await (await drivers.As(driverId).GetAsync($"/v1/drivers/{driverId}")).ReadJsonAsync();
        Assert.Null(driver["currentTripId"]);
    }

    [Fact]
    public async Task A_driver_who_declined_or_never_answered_is_refused()
    {
        var decliner = await drivers.RegisterOnlineDriverAsync(Soho);
        var silent = await drivers.RegisterOnlineDriverAsync(Soho);
        var offer = await OfferAndAnswerAsync(decliner, accept: false, alsoTo: silent);

        var refusals = await RefusalsAsync(offer.TripId, decliner, silent);

        Assert.All(refusals, reason => Assert.Equal("driver did not accept an offer of this trip", reason));
    }

    [Fact]
    public async Task A_driver_gone_offline_since_accepting_or_unknown_is_refused_with_the_reason()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(Soho);
        var offer = await OfferAndAnswerAsync(driverId, accept: true);
        using var offline = await drivers.As(driverId).PutAsJsonAsync($"/v1/drivers/{driverId}/availability", new { online = false });
        offline.EnsureSuccessStatusCode();

        var refusals = await RefusalsAsync(offer.TripId, driverId, Guid.NewGuid());

        Assert.Equal(["driver is offline", "unknown driver"], refusals);
    }

    [Fact]
    public async Task A_driver_on_another_trip_is_refused_and_a_cancelled_trip_is_refused_to_anyone()
    {
        var driverId = await drivers.RegisterOnlineDriverAsync(Soho);
        var first = await OfferAndAnswerAsync(driverId, accept: true);
        var second = await OfferAndAnswerAsync(driverId, accept: true);
        await drivers.Kafka.SendAsync(DispatchChannels.Events, first.TripId.ToString(),
            new DriverAssigned(first.TripId, driverId, "Test Driver", new Vehicle("Toyota", "Prius", "Silver", "TS00 AAA"), 120, DateTimeOffset.UtcNow));
        await WaitForCurrentTripAsync(driverId, first.TripId);

        Assert.Equal([$"driver is on trip {first.TripId}"], await RefusalsAsync(second.TripId, driverId));
        Assert.True(await ConfirmedAsync(first.TripId, driverId));

        await drivers.Kafka.SendAsync(TripsChannels.Events, first.TripId.ToString(), new TripCancelled(first.TripId, DateTimeOffset.UtcNow));
        await WaitForCurrentTripAsync(driverId, null);

        Assert.Equal(["trip was cancelled"], await RefusalsAsync(first.TripId, driverId));
    }

    private async Task WaitForCurrentTripAsync(Guid driverId, Guid? tripId) =>
        await Eventually.TrueAsync(async () =>
            (await (await drivers.As(driverId).GetAsync($"/v1/drivers/{driverId}")).ReadJsonAsync())["currentTripId"]?.GetValue<string>() == tripId?.ToString(),
            Soon, $"driver {driverId} is on trip {tripId?.ToString() ?? "none"}");

    private async Task<bool> ConfirmedAsync(Guid tripId, Guid driverId)
    {
        var correlationId = Guid.NewGuid();
        await drivers.ConfirmAsync(tripId, driverId, correlationId);
        return KafkaChannels.Body<AssignmentAnswered>(await drivers.ReplyAsync(AssignmentAnswered.MessageType, correlationId)).Confirmed;
    }

    private async Task<TripOffered> OfferAndAnswerAsync(Guid driverId, bool accept, Guid? alsoTo = null)
    {
        var offer = Offer(alsoTo is { } other ? [driverId, other] : [driverId]);
        await drivers.SendOfferAsync(offer);
        await drivers.WaitForOfferAsync(driverId, offer.OfferId);
        using var answered = await drivers.AnswerAsync(driverId, offer.OfferId, accept);
        answered.EnsureSuccessStatusCode();
        return offer;
    }

    /// <summary>Asks to confirm each driver for the trip; returns the reasons given, in order (each must be a refusal).</summary>
    private async Task<IReadOnlyList<string?>> RefusalsAsync(Guid tripId, params Guid[] driverIds)
    {
        var reasons = new List<string?>();
        foreach (var driverId in driverIds)
        {
            var correlationId = Guid.NewGuid();
            await drivers.ConfirmAsync(tripId, driverId, correlationId);
            var answer = KafkaChannels.Body<AssignmentAnswered>(await drivers.ReplyAsync(AssignmentAnswered.MessageType, correlationId));
            Assert.Equal((tripId, driverId, false), (answer.TripId, answer.DriverId, answer.Confirmed));
            reasons.Add(answer.Reason);
        }

        return reasons;
    }
}
