using Scalar.AspNetCore;
using TaxiHailing.Notifications;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("notificationsdb");
builder.AddNotifications();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapNotificationsApiV1();

await app.EnsureNotificationsSchemaAsync();
app.Run();
