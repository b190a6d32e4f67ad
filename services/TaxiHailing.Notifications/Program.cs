using TaxiHailing.Notifications;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("notificationsdb");
builder.AddNotifications();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapAsyncApi();

app.MapNotificationsApiV1();

await app.EnsureNotificationsSchemaAsync();
app.Run();
