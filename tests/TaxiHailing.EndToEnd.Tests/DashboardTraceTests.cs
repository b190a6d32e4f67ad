using System.Net;
using System.Security.Cryptography;

namespace TaxiHailing.EndToEnd.Tests;

[Collection(DashboardCollection.Name)]
public sealed class DashboardTraceTests(DashboardApplication taxiHailing)
{
    private static readonly string[] Services = ["dispatcher", "drivers", "notifications", "passengers", "trips"];

    // The Kafka hops every assigned trip takes: its request, the offers, a driver's answer, the assignment.
    private static readonly (string From, string Topic, string To)[] KafkaRoute =
    [
        ("trips", "taxi.trips.events", "dispatcher"),
        ("trips", "taxi.trips.events", "notifications"),
        ("dispatcher", "taxi.dispatch.offers", "drivers"),
        ("drivers", "taxi.dispatch.replies", "dispatcher"),
        ("dispatcher", "taxi.dispatch.events", "trips"),
        ("dispatcher", "taxi.dispatch.events", "notifications"),
    ];

    private readonly DistributedApplication _app = taxiHailing.App;
    private readonly DashboardTelemetry _dashboard = taxiHailing.Dashboard;

    [Fact]
    public async Task An_assigned_trip_is_one_trace_in_the_dashboard_across_all_five_services()
    {
        var passenger = await _app.RegisterPassengerAsync();
        var traceId = RandomHex(16);
        var callerSpanId = RandomHex(8);
        var tripId = await RequestTripAsync(passenger, $"00-{traceId}-{callerSpanId}-01");
        await _app.WaitForTripStateAsync(tripId, "driver-assigned");

        // Each service exports its spans in batches of its own, so the trace fills in over a second or two.
        IReadOnlyList<TraceSpan> trace = [];
        await TaxiApi.EventuallyAsync(async () =>
        {
            trace = await _dashboard.GetTraceAsync(traceId);
            return Gaps(trace, passenger.Id, callerSpanId).Count == 0;
        }, TimeSpan.FromSeconds(30), () => $"the dashboard shows trip {tripId} as trace {traceId} with every hop; missing: " +
            $"{string.Join("; ", Gaps(trace, passenger.Id, callerSpanId))}. Spans:\n{string.Join("\n", trace)}");

        Assert.All(trace, span => Assert.Equal(traceId, span.TraceId));
        Assert.Equal(Services, trace.Select(span => span.Service).Distinct().Order());

        var request = Assert.Single(trace, span => span.ParentSpanId == callerSpanId);
        Assert.Equal(("trips", SpanKind.Server, "POST", "201"),
            (request.Service, request.Kind, request["http.request.method"], request["http.response.status_code"]));

        var (lookup, answer) = HttpHops(trace, passenger.Id).First();
        Assert.Equal(request.SpanId, lookup.ParentSpanId);
        Assert.Equal(("GET", "/v1/passengers/{id:guid}"), (lookup["http.request.method"], answer["http.route"]));

        foreach (var (from, topic, to) in KafkaRoute)
        {
            var (send, process) = KafkaHops(trace, from, topic, to).First();
            Assert.Equal(($"send {topic}", $"process {topic}"), (send.Name, process.Name));
        }
    }

    [Fact]
    public async Task The_dashboard_api_answers_a_script_only_with_the_dashboards_api_key()
    {
        using var withWrongKey = new HttpClient { BaseAddress = _dashboard.Endpoint };
        withWrongKey.DefaultRequestHeaders.Add(DashboardTelemetry.ApiKeyHeader, RandomHex(16));

        using var refused = await withWrongKey.GetAsync("/api/telemetry/traces?limit=1");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(await _dashboard.GetTraceAsync(RandomHex(16)));
    }

    /// <summary>What the trace still lacks of a whole trip: services, hops, or spans whose parent it does not hold.</summary>
    private static List<string> Gaps(IReadOnlyList<TraceSpan> trace, string passengerId, string callerSpanId)
    {
        var gaps = Services.Except(trace.Select(span => span.Service)).Select(service => $"no span of {service}").ToList();
        if (!HttpHops(trace, passengerId).Any()) gaps.Add("no HTTP hop trips (client) -> passengers (server)");
        gaps.AddRange(KafkaRoute.Where(hop => !KafkaHops(trace, hop.From, hop.Topic, hop.To).Any())
            .Select(hop => $"no Kafka hop {hop.From} (producer) -> {hop.Topic} -> {hop.To} (consumer)"));
        var spanIds = trace.Select(span => span.SpanId).Append(callerSpanId).ToHashSet();
        gaps.AddRange(trace.Where(span => span.ParentSpanId is null || !spanIds.Contains(span.ParentSpanId))
            .Select(span => $"{span} is not part of the trip's tree"));
        return gaps;
    }

    private static IEnumerable<(TraceSpan Client, TraceSpan Server)> HttpHops(IReadOnlyList<TraceSpan> trace, string passengerId) =>
        from client in trace
        where client is { Service: "trips", Kind: SpanKind.Client } && client["url.full"]?.EndsWith($"/v1/passengers/{passengerId}") == true
        from server in trace
        where server is { Service: "passengers", Kind: SpanKind.Server } && server.ParentSpanId == client.SpanId
        select (client, server);

    private static IEnumerable<(TraceSpan Send, TraceSpan Process)> KafkaHops(IReadOnlyList<TraceSpan> trace, string producer, string topic, string consumer) =>
        from send in trace
        where send.Service == producer && send.Kind == SpanKind.Producer && IsKafka(send, topic)
        from process in trace
        where process.Service == consumer && process.Kind == SpanKind.Consumer && IsKafka(process, topic) && process.ParentSpanId == send.SpanId
        select (send, process);

    private static bool IsKafka(TraceSpan span, string topic) =>
        span["messaging.system"] == "kafka" && span["messaging.destination.name"] == topic;

    private async Task<string> RequestTripAsync(Account passenger, string traceParent)
    {
        using var trips = _app.CreateHttpClient("trips", passenger);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/trips") { Content = TaxiApi.TripRequest(passenger.Id) };
        request.Headers.Add("traceparent", traceParent);
        using var response = await trips.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync())["id"]!.GetValue<string>();
    }

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
