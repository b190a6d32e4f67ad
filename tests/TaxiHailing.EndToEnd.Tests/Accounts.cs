using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>Someone signed in: their account id (the token's subject), role and bearer token.</summary>
internal sealed record Account(string Id, string Role, string Token);

/// <summary>Signing in as users do in Development: POST /dev/tokens on any service; the token is good at all of them.</summary>
internal static class Accounts
{
    private static readonly ConditionalWeakTable<DistributedApplication, Account> Operators = [];

    // At Trips, which no test stops or freezes: signing in must not depend on the service a test is taking down.
    public static async Task<Account> SignInAsync(this DistributedApplication app, string role, string? subject = null)
    {
        using var trips = app.CreateHttpClient("trips");
        using var response = await trips.PostAsJsonAsync("/dev/tokens", new { role, subject });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.ReadJsonAsync();
        return new Account(token["subject"]!.GetValue<string>(), role, token["accessToken"]!.GetValue<string>());
    }

    /// <summary>One operator per started application, for the fleet views, the admin endpoints and reading any trip.</summary>
    public static async Task<Account> OperatorAsync(this DistributedApplication app)
    {
        if (Operators.TryGetValue(app, out var known)) return known;
        var signedIn = await app.SignInAsync("operator");
        Operators.AddOrUpdate(app, signedIn);
        return signedIn;
    }

    /// <summary>A client of <paramref name="resource"/> that sends <paramref name="account"/>'s token.</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resource, Account account)
    {
        var client = app.CreateHttpClient(resource);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.Token);
        return client;
    }

    public static async Task<HttpClient> CreateOperatorClientAsync(this DistributedApplication app, string resource) =>
        app.CreateHttpClient(resource, await app.OperatorAsync());
}
