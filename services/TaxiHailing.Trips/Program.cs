using Scalar.AspNetCore;
using TaxiHailing.Trips;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("tripsdb");
builder.AddTrips();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapTripsApiV1();
app.MapTripEventsApiV1();

await app.EnsureTripsSchemaAsync();
app.Run();
