using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using TaxiHailing.Trips.PassengersApi;
using TaxiHailing.Trips.PassengersApi.Models;

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
/// <remarks>
/// The request and the reading of the answer are a client generated from contracts/openapi/passengers.v1.json
/// (PassengersApi/, scripts/generate-passengers-client.sh) by Kiota, Microsoft's maintained generator, chosen because
/// it sends through the typed HttpClient it is given (so the pipeline, service discovery and the service token stay
/// ours), generates only the operation we include, and raises typed errors (a 404 is the contract's problem).
/// Fields the contract does not know land in the models' AdditionalData, unread.
/// </remarks>
public sealed class PassengerDirectory(HttpClient http, ILogger<PassengerDirectory> logger)
{
    public const string ServiceName = "passengers";

    // No authentication of Kiota's own: ServiceTokenHandler in the HttpClient adds this service's bearer token.
    private readonly PassengersClient _passengers = new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http));

    public async Task<PassengerCheck> CheckAsync(Guid passengerId, CancellationToken cancellationToken) =>
        (await LookUpAsync(passengerId, cancellationToken)).Check;

    public async Task<PassengerLookup> LookUpAsync(Guid passengerId, CancellationToken cancellationToken)
    {
        try
        {
            var passenger = await _passengers.V1.Passengers[passengerId].GetAsync(cancellationToken: cancellationToken);
            // Only an active passenger rides; a status this version does not know yet is read as none: not "active".
            var standing = passenger?.Status == PassengerStatus.Active ? PassengerStanding.Active : PassengerStanding.Suspended;
            return new(new(standing), passenger is null ? null : new(passenger.Id ?? passengerId, passenger.Name, passenger.Phone));
        }
        catch (ApiException answer) when (answer.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            return new(new(PassengerStanding.Unknown));
        }
        catch (ApiException answer)
        {
            logger.PassengerDirectoryFailed(passengerId, answer.ResponseStatusCode);
            return new(PassengerCheck.Unavailable(DependencyFailure.ErrorAnswer));
        }
        catch (Exception exception) when (DependencyFailures.Of(exception, cancellationToken) is { } failure)
        {
            return new(PassengerCheck.Unavailable(failure));
        }
        // A value of another JSON kind than the contract's (say, a number for the status): Kiota's reader throws this
        // unwrapped, while an answer it cannot parse at all comes as an ApiException.
        catch (InvalidOperationException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(PassengerCheck.Unavailable(DependencyFailure.ErrorAnswer));
        }
    }
}

/// <summary>The part of the passenger representation that Trips reads; its status is the lookup's standing.</summary>
public sealed record PassengerSnapshot(Guid Id, string? Name = null, string? Phone = null);
