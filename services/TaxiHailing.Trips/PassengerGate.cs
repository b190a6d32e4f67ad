using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace TaxiHailing.Trips;

/// <summary>A passenger may request a trip (and how we know), or may not (and the directory's verdict).</summary>
public readonly record struct PassengerAdmission(PassengerVerification? Verification, PassengerCheck Check)
{
    public bool Admitted => Verification is not null;
}

/// <summary>
/// Decides whether a passenger may request a trip: the Passengers service's word when it answers, and when it
/// cannot, a verification from the last <see cref="PassengerVerificationOptions.CacheTimeToLive"/>. Nobody is let in
/// on a verification the service has since taken back.
/// </summary>
public sealed class PassengerGate(
    PassengerDirectory directory, VerifiedPassengers verified, IOptionsMonitor<PassengerVerificationOptions> options, TimeProvider clock,
    ILogger<PassengerGate> logger)
{
    private static readonly Counter<long> Checks = TripsMeter.Meter.CreateCounter<long>(
        "taxihailing.trips.passenger_checks", description: "Passenger checks of trip requests, by outcome: live, cached (fallback), refused, unavailable.");

    public async Task<PassengerAdmission> AdmitAsync(Guid passengerId, CancellationToken cancellationToken)
    {
        var check = await directory.CheckAsync(passengerId, cancellationToken);
        switch (check.Standing)
        {
            case PassengerStanding.Active:
                await verified.RememberAsync(passengerId, clock.GetUtcNow(), cancellationToken);
                return Count(new(PassengerVerification.Live, check), "live");
            case PassengerStanding.Suspended or PassengerStanding.Unknown:
                await verified.ForgetAsync(passengerId, cancellationToken);
                return Count(new(null, check), "refused");
        }

        var timeToLive = options.CurrentValue.CacheTimeToLive;
        if (timeToLive > TimeSpan.Zero && await verified.VerifiedSinceAsync(passengerId, clock.GetUtcNow() - timeToLive, cancellationToken))
        {
            logger.PassengerVerifiedFromCache(passengerId, check.Failure!.Value.Name());
            return Count(new(PassengerVerification.Cached, check), "cached");
        }

        return Count(new(null, check), "unavailable");
    }

    private static PassengerAdmission Count(PassengerAdmission admission, string outcome)
    {
        Checks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        return admission;
    }
}
