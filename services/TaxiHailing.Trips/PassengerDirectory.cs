using System.Net;
using System.Net.Http.Json;

namespace TaxiHailing.Trips;

/// <summary>What the passenger directory says about whether a passenger may ride.</summary>
public enum PassengerStanding
{
    Active,
    Suspended,
    Unknown,
    Unavailable,
}

/// <summary>The directory's answer; when it is <see cref="PassengerStanding.Unavailable"/>, why.</summary>
public readonly record struct PassengerCheck(PassengerStanding Standing, DependencyFailure? Failure = null)
{
    public static PassengerCheck Unavailable(DependencyFailure failure) => new(PassengerStanding.Unavailable, failure);
}

/// <summary>The directory's answer with the passenger it found, if it found one.</summary>
public readonly record struct PassengerLookup(PassengerCheck Check, PassengerSnapshot? Passenger = null);

/// <summary>
/// The Passengers service, asked synchronously (request/response) before a trip is accepted and when a trip is
/// shown with its passenger's details. The calls go through
/// the pipeline that Dependencies:passengers configures (see AddHttpDependency); every way the call can fail
/// becomes <see cref="PassengerStanding.Unavailable"/> with its reason, never an exception.
/// </summary>
public sealed class PassengerDirectory(HttpClient http, ILogger<PassengerDirectory> logger)
{
    public const string ServiceName = "passengers";

    public async Task<PassengerCheck> CheckAsync(Guid passengerId, CancellationToken cancellationToken) =>
        (await LookUpAsync(passengerId, cancellationToken)).Check;

    public async Task<PassengerLookup> LookUpAsync(Guid passengerId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"/v1/passengers/{passengerId}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new(new(PassengerStanding.Unknown));
            }

            if (!response.IsSuccessStatusCode)
            {
                logger.PassengerDirectoryFailed(passengerId, (int)response.StatusCode);
                return new(PassengerCheck.Unavailable(DependencyFailure.ErrorAnswer));
            }

            var passenger = await response.Content.ReadFromJsonAsync(TripsJsonContext.Default.PassengerSnapshot, cancellationToken);
            // Only an active passenger rides; a status this version does not know yet is not "active".
            return new(new(passenger?.Status == "active" ? PassengerStanding.Active : PassengerStanding.Suspended), passenger);
        }
        catch (Exception exception) when (DependencyFailures.Of(exception, cancellationToken) is { } failure)
        {
            return new(PassengerCheck.Unavailable(failure));
        }
    }
}

/// <summary>The part of the passenger representation that Trips reads; everything else is ignored.</summary>
public sealed record PassengerSnapshot(Guid Id, string? Status, string? Name = null, string? Phone = null);
