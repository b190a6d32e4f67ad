using System.Text.Json.Serialization;

namespace TaxiHailing.Passengers;

public static class Extensions
{
    public static TBuilder AddPassengers<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, PassengersJsonContext.Default);
            // As in the context: numbers are numbers, which is also what the OpenAPI document then says.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddOpenApi();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PassengerStore>();
        return builder;
    }
}
