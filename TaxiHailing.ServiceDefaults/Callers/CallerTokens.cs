using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>A signed bearer token and how long it is valid.</summary>
public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>Issues the tokens this system accepts: to people in Development (sign-in), and to this service for its own calls.</summary>
public sealed class CallerTokens(IOptions<TokenOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public IssuedToken Issue(string subject, string role)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var expiresAt = now + settings.Lifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = new Dictionary<string, object> { [Caller.SubjectClaim] = subject, [Caller.RoleClaim] = role },
            SigningCredentials = SigningCredentialsOf(settings),
        });
        return new IssuedToken(token, expiresAt);
    }

    internal static SymmetricSecurityKey SigningKeyOf(TokenOptions settings) => new(settings.SigningKeyBytes());

    private static SigningCredentials SigningCredentialsOf(TokenOptions settings) =>
        new(SigningKeyOf(settings), SecurityAlgorithms.HmacSha256);
}
