using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Trips;

/// <summary>Who rides, as the Passengers service says at the moment the trip is read.</summary>
public sealed record TripPassenger(string Name, string Phone);

/// <summary>Whether a trip read came with its passenger's details.</summary>
[JsonConverter(typeof(PassengerDetailsJsonConverter))]
public enum PassengerDetails
{
    /// <summary>Passengers answered: <c>passenger</c> holds what it said.</summary>
    Live,

    /// <summary>Passengers could not answer in time (or at all): the trip is shown without <c>passenger</c>.</summary>
    Unavailable,
}

public sealed class PassengerDetailsJsonConverter() : JsonStringEnumConverter<PassengerDetails>(JsonNamingPolicy.KebabCaseLower);

/// <summary>
/// A trip read degrades rather than fails: the trip is Trips' own data, its passenger's details are Passengers'. When
/// Passengers cannot answer, the trip is shown without them and says so (<c>passengerDetails: unavailable</c>).
/// </summary>
public static class TripPassengerDetails
{
    private static readonly Counter<long> Reads = TripsMeter.Meter.CreateCounter<long>(
        "taxihailing.trips.passenger_details", description: "Trip reads, by whether the passenger's details came with them: live, unavailable (degraded).");

    public static async Task<TripRepresentation> WithPassengerAsync(
        this TripRepresentation trip, PassengerDirectory passengers, ILogger logger, CancellationToken cancellationToken)
    {
        var (passenger, details) = await LookUpAsync(passengers, trip.Id, trip.PassengerId, logger, cancellationToken);
        return trip with { Passenger = passenger, PassengerDetails = details };
    }

    public static async Task<TripRepresentationV2> WithPassengerAsync(
        this TripRepresentationV2 trip, PassengerDirectory passengers, ILogger logger, CancellationToken cancellationToken)
    {
        var (passenger, details) = await LookUpAsync(passengers, trip.Id, trip.PassengerId, logger, cancellationToken);
        return trip with { Passenger = passenger, PassengerDetails = details };
    }

    private static async Task<(TripPassenger? Passenger, PassengerDetails Details)> LookUpAsync(
        PassengerDirectory passengers, Guid tripId, Guid passengerId, ILogger logger, CancellationToken cancellationToken)
    {
        var lookup = await passengers.LookUpAsync(passengerId, cancellationToken);
        if (lookup.Passenger is { Name: { } name, Phone: { } phone })
        {
            Count(PassengerDetails.Live);
            return (new TripPassenger(name, phone), PassengerDetails.Live);
        }

        logger.TripShownWithoutPassenger(tripId, lookup.Check.Failure?.Name() ?? lookup.Check.Standing.ToString().ToLowerInvariant());
        Count(PassengerDetails.Unavailable);
        return (null, PassengerDetails.Unavailable);
    }

    private static void Count(PassengerDetails details) =>
        Reads.Add(1, new KeyValuePair<string, object?>("outcome", JsonNamingPolicy.KebabCaseLower.ConvertName(details.ToString())));
}
