using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The OpenAPI documents say that every operation but the anonymous ones needs a bearer token, answers 401 without
/// one, and 403 to a token of a role it does not serve: both as problem+json.
/// </summary>
internal static class BearerTokenSecurity
{
    public const string SchemeName = "Bearer";

    public static void AddBearerTokenSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token whose subject is the caller's account id and whose role is passenger, driver or operator. " +
                    "In Development, POST /dev/tokens issues one.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any()) return;
            var problem = await ProblemResponses.ProblemJsonAsync(context, cancellationToken);
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No bearer token, or one that is not valid (see WWW-Authenticate).", Content = problem() });
            var roles = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(data => data.Roles).FirstOrDefault(roles => roles is not null);
            if (roles is null) return;
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The token's role is not one of: {roles.Replace(",", ", ")}.", Content = problem() });
            // The same roles for machines (clients, the fuzz tool) to read.
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray([.. roles.Split(',').Select(role => JsonValue.Create(role))]));
        });
    }
}
