using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Endpoints under an account's address (/v1/drivers/{id}/...) answer only that account, and operators where
/// allowed. Anyone else gets the 404 an unknown account gets: 404 rather than 403, so that nobody can tell from the
/// answer whether an id belongs to someone.
/// </summary>
public static class AccountOwnership
{
    public static TBuilder OnlyForAccount<TBuilder>(this TBuilder endpoint, string routeParameter, string accountKind, bool operatorsToo = false)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var user = context.HttpContext.User;
            var value = context.HttpContext.Request.RouteValues[routeParameter]?.ToString();
            if (Guid.TryParse(value, out var id) && (user.Is(id) || (operatorsToo && user.IsOperator()))) return await next(context);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: $"{char.ToUpperInvariant(accountKind[0])}{accountKind[1..]} not found",
                detail: $"There is no {accountKind} with id {value}.");
        });
}
