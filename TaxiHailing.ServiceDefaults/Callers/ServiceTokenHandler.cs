namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Sends this service's own token with every call to another service (role "service", the service's name as the
/// subject): internal calls are authenticated as a phone's are.
/// </summary>
internal sealed class ServiceTokenHandler(CallerTokens tokens, TimeProvider clock, IHostEnvironment environment) : DelegatingHandler
{
    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(1);

    private IssuedToken? _token;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new("Bearer", Current().AccessToken);
        return base.SendAsync(request, cancellationToken);
    }

    private IssuedToken Current()
    {
        if (_token is { } token && token.ExpiresAt - clock.GetUtcNow() > RenewBeforeExpiry) return token;
        return _token = tokens.Issue(environment.ApplicationName, CallerRoles.Service);
    }
}
