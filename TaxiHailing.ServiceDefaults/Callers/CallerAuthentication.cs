using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every request needs a bearer token unless its endpoint allows anonymous callers (health, OpenAPI, sign-in): a
/// missing or bad token gets 401 with WWW-Authenticate, a caller in the wrong role 403. Which account a caller may act
/// on is decided by each endpoint, with <see cref="Caller"/>.
/// </summary>
internal static class CallerAuthentication
{
    public static void AddCallerAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddCallerTokens();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenOptions>>((jwt, tokens) =>
            {
                var settings = tokens.Value;
                // The claims as issued ("sub", "role"), not renamed to the long WS-Federation claim types.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters.ValidIssuer = settings.Issuer;
                jwt.TokenValidationParameters.ValidAudience = settings.Audience;
                jwt.TokenValidationParameters.NameClaimType = Caller.SubjectClaim;
                jwt.TokenValidationParameters.RoleClaimType = Caller.RoleClaim;
                jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                if (!string.IsNullOrWhiteSpace(settings.SigningKey)) jwt.TokenValidationParameters.IssuerSigningKey = CallerTokens.SigningKeyOf(settings);
                jwt.Events = new JwtBearerEvents { OnTokenValidated = RequireAccountSubject };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>The settings of the tokens this service accepts and issues, validated at start, and <see cref="CallerTokens"/>.</summary>
    public static void AddCallerTokens(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(CallerTokens))) return;
        builder.Services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TokenOptions>, TokenOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CallerTokens>();
    }

    // A person's token names their account: without an account id as its subject it cannot act on anything.
    private static Task RequireAccountSubject(TokenValidatedContext context)
    {
        var user = context.Principal!;
        if (CallerRoles.People.Any(user.IsInRole) && user.AccountId() is null) context.Fail("The token's subject is not an account id.");
        return Task.CompletedTask;
    }
}
