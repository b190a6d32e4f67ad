using Microsoft.Extensions.Http.Resilience;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Trips;

public static class Extensions
{
    public static TBuilder AddTrips<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddHttpApi(TripsJsonContext.Default);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TripStore>();
        builder.AddDatabaseSignals(TripsSchema.ProgressChannel);
        builder.AddKafkaMessaging("trips", messaging => messaging
            .Publishes(TripsChannels.Events)
            .Subscribe<DriverAssigned, DriverAssignedHandler>(DispatchChannels.Events)
            .Subscribe<TripUnserved, TripUnservedHandler>(DispatchChannels.Events));
        // RemoveAllResilienceHandlers is marked experimental, but it is the supported way to replace the handler that
        // ServiceDefaults adds to every client with one tuned for this dependency.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<PassengerDirectory>(client => client.BaseAddress = new Uri("http://passengers"))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(FailFastOnPassengerDirectory);
#pragma warning restore EXTEXP0001
        return builder;
    }

    // A passenger waits on this call to get a trip, so the defaults (10 s per attempt, 3 retries with a 2 s exponential
    // back-off, 30 s in all) are far too patient: give up within about 5 s and answer 503 with Retry-After instead.
    private static void FailFastOnPassengerDirectory(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(5);
    }
}
