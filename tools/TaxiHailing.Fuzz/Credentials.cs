using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.Fuzz;

/// <summary>A signed-in account: the Authorization header to send, and the account id (the token's subject).</summary>
internal sealed record Caller(string Authorization, string Subject);

/// <summary>
/// Who sends each operation's requests: a caller the operation serves (its OpenAPI x-roles), so that a request is
/// refused for what it carries, not for who sent it. A passenger and a driver registered for the run, and an
/// operator; operations that limit each caller's rate get a fresh caller per request. Tokens come from the
/// Development-only POST /dev/tokens; without it (404) nothing is sent.
/// </summary>
internal sealed class Credentials
{
    private readonly HttpClient _http;
    private readonly Uri _signIn;
    private readonly Dictionary<string, Caller> _accounts = [];

    private Credentials(HttpClient http, Uri signIn) => (_http, _signIn) = (http, signIn);

    public bool Available => _accounts.Count > 0;

    public static async Task<Credentials> SignInAsync(HttpClient http, Uri passengers, Uri drivers, CancellationToken cancellationToken)
    {
        var credentials = new Credentials(http, new Uri(passengers, "/dev/tokens"));
        if (await credentials.SignInAsync("operator", cancellationToken) is not { } @operator) return credentials;
        credentials._accounts["operator"] = @operator;
        credentials._accounts["passenger"] = await credentials.RegisterAsync("passenger", new Uri(passengers, "/v1/passengers"),
            new { name = "Fuzz Passenger", phone = "+44 20 7946 0018" }, cancellationToken);
        var driver = await credentials.RegisterAsync("driver", new Uri(drivers, "/v1/drivers"),
            new { name = "Fuzz Driver", vehicle = new { make = "Kia", model = "Niro", colour = "Grey", plate = $"FZ{Random.Shared.Next(10, 99)} DRV" } }, cancellationToken);
        credentials._accounts["driver"] = driver;
        return credentials;
    }

    /// <summary>The caller for <paramref name="operation"/>, or a source of fresh ones when it limits each caller's rate.</summary>
    public async Task<(Caller? Account, Func<string?> Authorization)> ForAsync(Operation operation, int requests, CancellationToken cancellationToken)
    {
        if (!Available) return (null, () => null);
        var role = new[] { "passenger", "driver", "operator" }.FirstOrDefault(operation.Roles.Contains) ?? "operator";
        var account = _accounts[role];
        if (!operation.LimitsRate) return (account, () => account.Authorization);

        var fresh = new Queue<string>();
        for (var i = 0; i < requests + 100; i++) fresh.Enqueue((await SignInAsync(role, cancellationToken))!.Authorization);
        return (account, () => fresh.Count > 0 ? fresh.Dequeue() : account.Authorization);
    }

    /// <summary>The Authorization header of a new <paramref name="role"/> signed in at <paramref name="service"/>; null without sign-in.</summary>
    public static async Task<string?> AuthorizationAsync(HttpClient http, Uri service, string role, CancellationToken cancellationToken) =>
        (await new Credentials(http, new Uri(service, "/dev/tokens")).SignInAsync(role, cancellationToken))?.Authorization;

    private async Task<Caller?> SignInAsync(string role, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(_signIn, new { role }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.Unauthorized) return null;
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"POST {_signIn} answered {(int)response.StatusCode}; sending no token.");
            return null;
        }

        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        return new($"Bearer {token["accessToken"]!.GetValue<string>()}", token["subject"]!.GetValue<string>());
    }

    private async Task<Caller> RegisterAsync(string role, Uri registration, object body, CancellationToken cancellationToken)
    {
        var caller = (await SignInAsync(role, cancellationToken))!;
        using var request = new HttpRequestMessage(HttpMethod.Post, registration) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Authorization", caller.Authorization);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) Console.Error.WriteLine($"Registering the fuzz {role} answered {(int)response.StatusCode}: its own requests will find no account.");
        return caller;
    }
}
