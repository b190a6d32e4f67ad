
namespace TaxiHailing.Passengers;

public static class Extensions
{
    public static TBuilder AddPassengers<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddHttpApi(PassengersJsonContext.Default);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PassengerStore>();
        return builder;
    }
}
