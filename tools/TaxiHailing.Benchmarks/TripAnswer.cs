using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.Benchmarks;

/// <summary>
/// An answer to a trip request as the partial-failure report counts it: "201 live", "201 cached", "503 timeout",
/// "503 The request took too long" or "409 A trip is already open" (a problem's title), "500", "HttpRequestException",
/// ...; and the trip it made, if it made one.
/// </summary>
internal sealed record TripAnswer(string Kind, string? TripId)
{
    public const string Live = "201 live";

    public static async Task<TripAnswer> RequestAsync(TaxiApi api, Account rider, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await api.RequestTripAsync(rider, cancellationToken);
            var status = ((int)response.StatusCode).ToString();
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null;
            var detail = json?["passengerVerification"] ?? json?["reason"] ?? json?["title"];
            var tripId = response.StatusCode == HttpStatusCode.Created ? json?["id"]?.GetValue<string>() : null;
            return new(detail is null ? status : $"{status} {detail.GetValue<string>()}", tripId);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new(exception.GetType().Name, null);
        }
    }

    /// <summary>
    /// The riders cancel the trips they were given, a few at a time, so that drivers return to the fleet; a trip
    /// already over (409) is fine. Says so when one could not be cancelled.
    /// </summary>
    public static async Task CancelAllAsync(TaxiApi api, IEnumerable<(Account Rider, string TripId)> trips, CancellationToken cancellationToken)
    {
        var failed = new ConcurrentBag<string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(trips, parallel, async (trip, token) =>
        {
            var status = await api.CancelTripAsync(trip.Rider, trip.TripId, token);
            if (status is not ("200" or "409")) failed.Add(status);
        });
        if (failed.IsEmpty) return;
        var statuses = string.Join(", ", failed.CountBy(status => status).Select(count => $"{count.Value} × {count.Key}"));
        Console.WriteLine($"    {failed.Count} trip(s) could not be cancelled ({statuses}): their drivers stay busy.");
    }
}
