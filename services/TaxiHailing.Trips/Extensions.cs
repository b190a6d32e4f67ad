using Microsoft.Extensions.Options;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Trips;

public static class Extensions
{
    public static TBuilder AddTrips<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddHttpApi(TripsJsonContext.Default, versions: ["v1", "v2"]);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TripStore>();
        builder.AddDatabaseSignals(TripsSchema.ProgressChannel);
        builder.AddKafkaMessaging("trips", messaging => messaging
            .Publishes(TripsChannels.Events)
            .Subscribe<DriverAssigned, DriverAssignedHandler>(DispatchChannels.Events)
            .Subscribe<TripUnserved, TripUnservedHandler>(DispatchChannels.Events)
            .Subscribe<DriverArriving, DriverStepHandlers>(DriversChannels.Trips)
            .Subscribe<DriverArrived, DriverStepHandlers>(DriversChannels.Trips)
            .Subscribe<PassengerPickedUp, DriverStepHandlers>(DriversChannels.Trips)
            .Subscribe<PassengerDroppedOff, DriverStepHandlers>(DriversChannels.Trips)
            .Subscribe<TripAbandoned, DriverStepHandlers>(DriversChannels.Trips));

        // A passenger waits on this call for their trip: Dependencies:passengers makes it fail fast, and the gate
        // falls back on a recent verification when it fails.
        builder.AddHttpDependency<PassengerDirectory>(PassengerDirectory.ServiceName);
        builder.Services.AddSingleton<VerifiedPassengers>();
        builder.Services.AddScoped<PassengerGate>(); // not a singleton: it holds a typed HttpClient
        builder.Services.AddScoped<TripRequests>();
        builder.Services.AddOptions<PassengerVerificationOptions>().BindConfiguration(PassengerVerificationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PassengerVerificationOptions>, PassengerVerificationOptionsValidator>();
        builder.Services.AddOptions<TripEventsOptions>().BindConfiguration(TripEventsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TripEventsOptions>, TripEventsOptionsValidator>();
        builder.Services.AddOptions<FareOptions>().BindConfiguration(FareOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<FareOptions>, FareOptionsValidator>();
        return builder;
    }
}
