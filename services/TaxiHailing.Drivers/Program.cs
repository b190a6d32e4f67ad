using Scalar.AspNetCore;
using TaxiHailing.Drivers;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("driversdb");
builder.AddDrivers();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapDriversApiV1();

await app.EnsureDriversSchemaAsync();
app.Run();
