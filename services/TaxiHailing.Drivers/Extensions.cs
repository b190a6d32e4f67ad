using Microsoft.Extensions.Options;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers;

public static class Extensions
{
    public static TBuilder AddDrivers<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddHttpApi(DriversJsonContext.Default);

        builder.Services.AddOptions<SimulationOptions>().BindConfiguration(SimulationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SimulationOptions>, SimulationOptionsValidator>();
        builder.Services.AddOptions<DriverTripOptions>().BindConfiguration(DriverTripOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DriverTripOptions>, DriverTripOptionsValidator>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DriverStore>();
        builder.Services.AddSingleton<OfferStore>();
        builder.Services.AddSingleton<DriverTripStore>();

        builder.AddKafkaMessaging(DriversMessaging.Service, DriversMessaging.Declare);

        // After messaging, so that the outbox table exists before the simulated fleet first writes to it.
        builder.Services.AddHostedService<FleetSimulator>();
        builder.Services.AddHostedService<SimulatedOfferAnswers>();
        builder.Services.AddHostedService<PickupDeadlines>();
        return builder;
    }
}
