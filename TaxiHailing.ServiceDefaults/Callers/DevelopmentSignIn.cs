using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Development only: POST /dev/tokens signs anyone in as the passenger, driver or operator they name (a new account
/// id unless they give one), as an identity provider would after a real sign-in. Every service serves it with the
/// same key, so a token from one is good at all of them.
/// </summary>
public static class DevelopmentSignIn
{
    public const string Path = "/dev/tokens";

    public static WebApplication MapDevelopmentSignIn(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;

        app.MapPost(Path, SignIn)
            .WithTags("Sign-in (Development only)")
            .WithName("SignIn")
            .WithSummary("Issues a bearer token for a passenger, driver or operator; the subject is the account id (a new one when not given).")
            .AcceptsJsonBody<SignInBody>()
            .AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> SignIn(HttpRequest request, CallerTokens tokens, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonBodyAsync(ServiceDefaultsJsonContext.Default.SignInBody, cancellationToken);
        if (body.Problem is { } invalid) return invalid;

        var (role, subject) = (body.Value!.Role!, body.Value.Subject ?? Guid.CreateVersion7());
        var token = tokens.Issue(subject.ToString(), role);
        var expiresIn = (int)Math.Round((token.ExpiresAt - clock.GetUtcNow()).TotalSeconds);
        return TypedResults.Ok(new SignedIn(token.AccessToken, "Bearer", expiresIn, subject, role));
    }
}

public sealed record SignInBody(string? Role, Guid? Subject) : IValidatedBody, IExampleBody<SignInBody>
{
    public static SignInBody Example { get; } = new(CallerRoles.Passenger, null);

    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (Role is null || !CallerRoles.People.Contains(Role))
        {
            yield return ("role", $"The role must be one of: {string.Join(", ", CallerRoles.People)}.");
        }

        if (Subject == Guid.Empty) yield return ("subject", "The subject must not be the empty id.");
    }
}

/// <summary>A bearer token, in the shape of an OAuth 2.0 token response.</summary>
public sealed record SignedIn(string AccessToken, string TokenType, int ExpiresIn, Guid Subject, string Role);
