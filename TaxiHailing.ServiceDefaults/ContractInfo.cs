using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What a document says about itself. Its one server is "/", the host that served it, rather than the address this
/// request came in on: the document is then the same on every machine, and the committed contract is what it serves.
/// </summary>
internal static class ContractInfo
{
    public static void AddContractInfo(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, context, _) =>
        {
            var service = context.ApplicationServices.GetRequiredService<IHostEnvironment>().ApplicationName.Replace("TaxiHailing.", "");
            document.Info.Description = $"The HTTP API of TaxiHailing's {service} service, version {context.DocumentName}. " +
                "Errors are RFC 9457 problems (application/problem+json).";
            document.Info.Contact = new OpenApiContact { Name = "TaxiHailing maintainers" };
            document.Servers = [new OpenApiServer { Url = "/", Description = "The host that served this document." }];
            return Task.CompletedTask;
        });
}
