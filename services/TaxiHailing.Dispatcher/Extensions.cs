using Microsoft.Extensions.Options;
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

        builder.AddKafkaMessaging(DispatcherMessaging.Service, DispatcherMessaging.Declare);

        // After messaging, so that the outbox table exists before the first deadline writes to it.
        builder.Services.AddHostedService<DispatchDeadlines>();
        return builder;
    }
}
