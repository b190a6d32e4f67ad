using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using TaxiHailing.Contracts;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;

namespace TaxiHailing.Drivers.Tests;

/// <summary>What the tests do as the Dispatcher (over Kafka) and as a driver's phone (over HTTP).</summary>
internal static class DispatcherSide
{
    public const string Replies = "taxi.dispatch.replies";
    public static readonly GeoPoint Pickup = new(51.5007, -0.1246);
    public static readonly GeoPoint Dropoff = new(51.5194, -0.1270);
    public static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    public static TripOffered Offer(IEnumerable<Guid> driverIds, TimeSpan? window = null, DateTimeOffset? answerBy = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new TripOffered(Guid.NewGuid(), Guid.NewGuid(), Round: 1, Pickup, Dropoff, [.. driverIds], now, answerBy ?? now + (window ?? TimeSpan.FromSeconds(60)));
    }

    /// <summary>A new W3C trace context, as the Dispatcher's handler would send it; <c>.TraceId</c> is its trace id.</summary>
    public static (string TraceParent, string TraceId) NewTrace()
    {
        var traceId = Guid.NewGuid().ToString("N");
        return ($"00-{traceId}-{Guid.NewGuid().ToString("N")[..16]}-01", traceId);
    }

    /// <summary>Offers the trip as the Dispatcher does: keyed by trip id, answers to <paramref name="replyTo"/> under the offer id.</summary>
    public static Task<Guid> SendOfferAsync(this DriversService service, TripOffered offer, string? replyTo = Replies, string? traceParent = null) =>
        service.Kafka.SendAsync(DispatchChannels.Offers, offer.TripId.ToString(), offer,
            ("reply-to", replyTo), ("correlation-id", offer.OfferId.ToString()), ("traceparent", traceParent));

    public static Task<Guid> WithdrawAsync(this DriversService service, TripOffered offer, Guid[] driverIds, string reason) =>
        service.Kafka.SendAsync(DispatchChannels.Offers, offer.TripId.ToString(),
            new OfferWithdrawn(offer.OfferId, offer.TripId, driverIds, reason, DateTimeOffset.UtcNow), ("correlation-id", offer.OfferId.ToString()));

    /// <summary>Asks whether the driver can take the trip; returns the request's message id. The answer comes under <paramref name="correlationId"/>.</summary>
    public static Task<Guid> ConfirmAsync(this DriversService service, Guid tripId, Guid driverId, Guid correlationId) =>
        service.Kafka.SendAsync(DriversChannels.Requests, tripId.ToString(),
            new ConfirmAssignment(tripId, driverId, DateTimeOffset.UtcNow.AddSeconds(10)), ("reply-to", Replies), ("correlation-id", correlationId.ToString()));

    /// <summary>The message of <paramref name="messageType"/> on the reply channel answering under <paramref name="correlationId"/>.</summary>
    public static Task<ConsumeResult<string, byte[]>> ReplyAsync(
        this DriversService service, string messageType, Guid correlationId, Func<ConsumeResult<string, byte[]>, bool>? andAlso = null) =>
        service.Kafka.WaitForAsync(Replies,
            message => message.Header("message-type") == messageType && message.Header("correlation-id") == correlationId.ToString()
                && (andAlso is null || andAlso(message)),
            $"a {messageType} with correlation id {correlationId}");

    /// <summary>Waits until the offer reached the driver's inbox; returns it as their phone reads it.</summary>
    public static async Task<JsonObject> WaitForOfferAsync(this DriversService service, Guid driverId, Guid offerId)
    {
        JsonObject offer = [];
        await Eventually.TrueAsync(async () =>
        {
            using var response = await service.As(driverId).GetAsync($"/v1/drivers/{driverId}/offers/{offerId}");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            offer = await response.ReadJsonAsync();
            return true;
        }, Soon, $"offer {offerId} reached driver {driverId}");
        return offer;
    }

    public static async Task<IReadOnlyList<Guid>> ListedOfferIdsAsync(this DriversService service, Guid driverId)
    {
        using var response = await service.As(driverId).GetAsync($"/v1/drivers/{driverId}/offers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync())["offers"]!.AsArray().Select(offer => Guid.Parse(offer!["offerId"]!.GetValue<string>()))];
    }

    public static Task<HttpResponseMessage> AnswerAsync(this DriversService service, Guid driverId, Guid offerId, bool accept) =>
        service.As(driverId).PostAsJsonAsync($"/v1/drivers/{driverId}/offers/{offerId}/answer", new { accept });

    /// <summary>How many answers to the offer the service wrote to its outbox (each is published once).</summary>
    public static async Task<long> AnswersWrittenAsync(this DriversService service, Guid offerId)
    {
        await using var count = service.Database.CreateCommand(
            "SELECT count(*) FROM outbox_messages WHERE topic = $1 AND headers ->> 'correlation-id' = $2");
        count.Parameters.Add(new() { Value = Replies });
        count.Parameters.Add(new() { Value = offerId.ToString() });
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
