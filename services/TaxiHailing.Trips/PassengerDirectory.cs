using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;

namespace TaxiHailing.Trips;

/// <summary>What the passenger directory says about whether a passenger may ride.</summary>
public enum PassengerStanding
{
    Active,
    Suspended,
    Unknown,
    Unavailable,
}

/// <summary>The Passengers service, asked synchronously (request/response) before a trip is accepted.</summary>
public sealed class PassengerDirectory(HttpClient http, ILogger<PassengerDirectory> logger)
{
    public async Task<PassengerStanding> CheckAsync(Guid passengerId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"/v1/passengers/{passengerId}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return PassengerStanding.Unknown;
            }

            if (!response.IsSuccessStatusCode)
            {
                logger.PassengerDirectoryFailed(passengerId, (int)response.StatusCode);
                return PassengerStanding.Unavailable;
            }

            var passenger = await response.Content.ReadFromJsonAsync(TripsJsonContext.Default.PassengerSnapshot, cancellationToken);
            // Only an active passenger rides; a status this version does not know yet is not "active".
            return passenger?.Status == "active" ? PassengerStanding.Active : PassengerStanding.Suspended;
        }
        catch (Exception exception) when (IsUnavailability(exception, cancellationToken))
        {
            logger.PassengerDirectoryUnreachable(exception, passengerId);
            return PassengerStanding.Unavailable;
        }
    }

    // ExecutionRejectedException covers the resilience pipeline giving up: timeouts, an open circuit, rate limits.
    private static bool IsUnavailability(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or ExecutionRejectedException or JsonException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}

/// <summary>The part of the passenger representation that Trips reads; everything else is ignored.</summary>
public sealed record PassengerSnapshot(Guid Id, string? Status);
