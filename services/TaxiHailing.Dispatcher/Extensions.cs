using Microsoft.Extensions.Options;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

public static class Extensions
{
    public static TBuilder AddDispatcher<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddHttpApi(DispatcherJsonContext.Default);

        builder.Services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DispatchOptions>, DispatchOptionsValidator>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DispatchStore>();

        builder.AddKafkaMessaging("dispatcher", messaging => messaging
            .Publishes(DispatchChannels.Events)
            .Publishes(DispatchChannels.Offers)
            .Publishes(DriversChannels.Requests)
            .Subscribe<TripCreatedV2, TripCreatedHandler>(TripsChannels.Events)
            .Subscribe<TripCancelled, TripCancelledHandler>(TripsChannels.Events)
            .Subscribe<DriverRegistered, DriverRegisteredHandler>(DriversChannels.Events)
            .Subscribe<DriverAvailabilityChanged, DriverAvailabilityChangedHandler>(DriversChannels.Events)
            .Subscribe<DriverLocationReported, DriverLocationReportedHandler>(DriversChannels.Locations)
            .Subscribe<OfferAnswered, OfferAnsweredHandler>(DispatchChannels.Replies)
            .Subscribe<AssignmentAnswered, AssignmentAnsweredHandler>(DispatchChannels.Replies)
            .Subscribe<PassengerDroppedOff, PassengerDroppedOffHandler>(DriversChannels.Trips)
            .Subscribe<TripAbandoned, TripAbandonedHandler>(DriversChannels.Trips));

        // After messaging, so that the outbox table exists before the first deadline writes to it.
        builder.Services.AddHostedService<DispatchDeadlines>();
        return builder;
    }
}
