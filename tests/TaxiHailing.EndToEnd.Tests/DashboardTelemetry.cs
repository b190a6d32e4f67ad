using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>
/// The dashboard's telemetry API (/api/telemetry/...), read as a script would: OTLP JSON, authenticated by the API
/// key that the AppHost generated for the dashboard (AppHost:DashboardApiKey), sent as x-api-key.
/// </summary>
internal sealed class DashboardTelemetry : IDisposable
{
    public const string ApiKeyHeader = "x-api-key";

    private readonly HttpClient _http;

    private DashboardTelemetry(Uri endpoint, string apiKey)
    {
        Endpoint = endpoint;
        _http = new HttpClient { BaseAddress = endpoint };
        _http.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
    }

    /// <summary>The dashboard's address (scheme, host and port).</summary>
    public Uri Endpoint { get; }

    public static async Task<DashboardTelemetry> ConnectAsync(DistributedApplication app, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        // The browser URL logs a browser in with the browser token (/login?t=...); the API wants the API key instead.
        var browserUrl = await app.GetDashboardUrlAsync(deadline.Token);
        var apiKey = app.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"]
            ?? throw new InvalidOperationException("The AppHost gave the dashboard no API key: is it running unsecured?");
        return new DashboardTelemetry(new Uri(browserUrl.GetLeftPart(UriPartial.Authority)), apiKey);
    }

    /// <summary>Every span of the trace the dashboard has received so far; none while it knows no such trace.</summary>
    public async Task<IReadOnlyList<TraceSpan>> GetTraceAsync(string traceId)
    {
        using var response = await _http.GetAsync($"/api/telemetry/traces/{traceId}");
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        response.EnsureSuccessStatusCode();
        return TraceSpan.FromOtlpExport(await response.ReadJsonAsync());
    }

    public void Dispose() => _http.Dispose();
}
