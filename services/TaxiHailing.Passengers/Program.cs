using TaxiHailing.Passengers;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("passengersdb");
builder.AddPassengers();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapApiDocs();

app.MapPassengersApiV1();

await app.EnsurePassengersSchemaAsync();
app.Run();
