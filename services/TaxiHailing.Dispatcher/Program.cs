using TaxiHailing.Dispatcher;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase("dispatchdb");
builder.AddDispatcher();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapAsyncApi();

app.MapDispatchApiV1();

await app.EnsureDispatchSchemaAsync();
app.Run();
