using TaxiHailing.Trips;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("tripsdb");
builder.AddTrips();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapApiDocs();

app.MapTripsApiV1();
app.MapTripsApiV2();
app.MapTripEventsApiV1();

await app.EnsureTripsSchemaAsync();
app.Run();
