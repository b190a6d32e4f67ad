using System.Net;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>What a web browser may do with the APIs: no cross-site writes, CORS only for our own origins, headers that forbid misuse.</summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class BrowserTests(TaxiHailingApplication taxiHailing)
{
    private const string ForeignOrigin = "https://evil.example";
    private readonly DistributedApplication _app = taxiHailing.App;

    [Fact]
    public async Task A_cross_site_post_is_refused_with_403_and_does_nothing_even_with_a_good_token()
    {
        var (trip, passenger) = await _app.RequestTripWithPassengerAsync();
        var tripId = trip["id"]!.GetValue<string>();
        using var trips = _app.CreateHttpClient("trips", passenger);

        foreach (var (header, value) in new[] { ("Origin", ForeignOrigin), ("Sec-Fetch-Site", "cross-site") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/trips/{tripId}/cancellation") { Headers = { { header, value } } };
            using var response = await trips.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        Assert.NotEqual("cancelled", (await _app.GetTripAsync(tripId))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_preflight_from_a_foreign_origin_is_not_allowed()
    {
        using var trips = _app.CreateHttpClient("trips");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/trips")
        {
            Headers = { { "Origin", ForeignOrigin }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "authorization,content-type" } },
        };

        using var response = await trips.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), string.Join(", ", response.Headers));
    }

    [Theory]
    [InlineData("trips", "/v1/trips/00000000-0000-7000-8000-000000000000")]
    [InlineData("passengers", "/health")]
    [InlineData("drivers", "/openapi/v1.json")]
    public async Task Every_answer_forbids_sniffing_framing_referrers_and_active_content(string service, string path)
    {
        using var client = await _app.CreateOperatorClientAsync(service);

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
