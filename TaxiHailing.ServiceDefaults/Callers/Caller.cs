using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace Microsoft.Extensions.Hosting;

/// <summary>Who is calling, as their token says: the account id is the token's subject.</summary>
public static class Caller
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";

    /// <summary>The caller's account id; null for a caller whose subject is not an account (a service).</summary>
    public static Guid? AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(SubjectClaim)?.Value, out var id) ? id : null;

    /// <summary>Whether the caller is the account <paramref name="accountId"/> itself.</summary>
    public static bool Is(this ClaimsPrincipal user, Guid accountId) => user.AccountId() == accountId;

    public static bool IsOperator(this ClaimsPrincipal user) => user.IsInRole(CallerRoles.Operator);

    /// <summary>Only callers in one of these roles reach the endpoint; anyone else gets 403 (no token: 401).</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder endpoint, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', roles) });
}
