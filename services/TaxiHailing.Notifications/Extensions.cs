using Microsoft.Extensions.Options;
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
        builder.AddKafkaMessaging(NotificationsMessaging.Service, NotificationsMessaging.Declare);
        return builder;
    }
}
