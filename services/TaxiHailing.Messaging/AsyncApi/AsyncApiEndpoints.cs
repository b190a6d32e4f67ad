using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TaxiHailing.Messaging.AsyncApi;

namespace Microsoft.Extensions.Hosting;

public static class AsyncApiEndpoints
{
    /// <summary>
    /// The service's AsyncAPI document at /asyncapi/v1.json, anonymous like its OpenAPI document: the channels it uses
    /// and its own operations, from the declaration it gave AddKafkaMessaging.
    /// </summary>
    public static WebApplication MapAsyncApi(this WebApplication app)
    {
        var declaration = app.Services.GetRequiredService<MessagingDeclaration>();
        var document = new Lazy<string>(() => AsyncApiJson.Write(AsyncApiDocument.ForService(declaration)));
        app.MapGet(AsyncApiDocument.Path, () => Results.Text(document.Value, "application/json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
