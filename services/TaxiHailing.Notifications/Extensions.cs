using Microsoft.Extensions.Options;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Messaging;

namespace TaxiHailing.Notifications;

public static class Extensions
{
    public static TBuilder AddNotifications<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddHttpApi(NotificationsJsonContext.Default, options => options.AddSchemaTransformer((schema, context, _) =>
        {
            // Payloads are told apart by their kind field, not by the "$type" discriminator the generator assumes for
            // [JsonDerivedType]: there is no such field (and "driver-assigned" has one shape per recipient).
            if (context.JsonTypeInfo.Type == typeof(NotificationPayload)) schema.Discriminator = null;
            return Task.CompletedTask;
        }));

        builder.Services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NotificationsOptions>, NotificationsOptionsValidator>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<NotificationStore>();
        builder.AddDatabaseSignals(NotificationsSchema.Channel);

        // Its own consumer group: the third independent subscriber to trip events, beside the Dispatcher and Trips.
        // It stays on trips.trip-created.v1 on purpose, the consumer still on v1 of the migration to v2: it skips the
        // v2 published beside it, and moves to v2 on its own schedule (docs/api-evolution.md).
        builder.AddKafkaMessaging("notifications", messaging => messaging
            .Subscribe<TripCreated, TripProgressHandler>(TripsChannels.Events)
            .Subscribe<TripCancelled, TripProgressHandler>(TripsChannels.Events)
            .Subscribe<DriverAssigned, TripProgressHandler>(DispatchChannels.Events)
            .Subscribe<TripUnserved, TripProgressHandler>(DispatchChannels.Events)
            .Subscribe<TripCompleted, TripProgressHandler>(TripsChannels.Events)
            .Subscribe<DriverArriving, TripProgressHandler>(DriversChannels.Trips)
            .Subscribe<DriverArrived, TripProgressHandler>(DriversChannels.Trips)
            .Subscribe<PassengerPickedUp, TripProgressHandler>(DriversChannels.Trips)
            .Subscribe<TripAbandoned, TripProgressHandler>(DriversChannels.Trips));
        return builder;
    }
}
