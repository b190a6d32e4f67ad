using TaxiHailing.Drivers;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("driversdb");
builder.AddDrivers();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapAsyncApi();

app.MapDriversApiV1();
app.MapOffersApiV1();
app.MapDriverTripsApiV1();

await app.EnsureDriversSchemaAsync();
app.Run();
