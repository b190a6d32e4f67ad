using Scalar.AspNetCore;
using TaxiHailing.Dispatcher;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("dispatchdb");
builder.AddDispatcher();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapDispatchApiV1();

await app.EnsureDispatchSchemaAsync();
app.Run();
