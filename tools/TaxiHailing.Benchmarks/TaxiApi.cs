using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TaxiHailing.Benchmarks;

/// <summary>Someone signed in: their account id (the token's subject) and bearer token.</summary>
internal sealed record Account(string Id, string Token);

/// <summary>
/// The public APIs as passengers' phones and operators use them, each call with its caller's token. Sign-in is the
/// Development one (POST /dev/tokens), so the benchmarks need a system started in Development.
/// </summary>
internal sealed class TaxiApi(Uri tripsUrl, Uri passengersUrl, TimeSpan timeout) : IDisposable
{
    // Enough to register a few hundred passengers in seconds without crowding the two cores the services share.
    private const int RegistrationConcurrency = 4;

    private readonly HttpClient _http = new() { Timeout = timeout };

    public async Task<Account> SignInAsync(string role, CancellationToken cancellationToken)
    {
        using var response = await ReachAsync(
            () => _http.PostAsJsonAsync(new Uri(tripsUrl, "/dev/tokens"), new { role }, cancellationToken), "trips", tripsUrl, "--trips-url");
        // Outside Development the route does not exist, and the fallback policy answers an unknown route with 401.
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.MethodNotAllowed)
        {
            throw new SystemNotReadyException($"Trips at {tripsUrl} has no sign-in (POST /dev/tokens answered {(int)response.StatusCode}): the services " +
                "issue tokens in Development only. Start the system in Development: ./run.sh (dotnet run --project TaxiHailing.AppHost, " +
                "whose launch profile sets DOTNET_ENVIRONMENT=Development).");
        }

        await EnsureAsync(response, $"signing in as {role}", cancellationToken);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        return new Account(token["subject"]!.GetValue<string>(), token["accessToken"]!.GetValue<string>());
    }

    /// <summary>Signs in a new passenger and registers them.</summary>
    public async Task<Account> RegisterPassengerAsync(string name, CancellationToken cancellationToken)
    {
        var passenger = await SignInAsync("passenger", cancellationToken);
        using var request = Authorized(HttpMethod.Post, new Uri(passengersUrl, "/v1/passengers"), passenger);
        request.Content = JsonContent.Create(new { name, phone = "+44 20 7946 0999" });
        using var response = await ReachAsync(() => _http.SendAsync(request, cancellationToken), "passengers", passengersUrl, "--passengers-url");
        await EnsureAsync(response, "registering a passenger", cancellationToken);
        return passenger;
    }

    /// <summary><paramref name="count"/> new passengers, signed in and registered a few at a time.</summary>
    public async Task<IReadOnlyList<Account>> RegisterPassengersAsync(int count, string name, CancellationToken cancellationToken)
    {
        var passengers = new Account[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = RegistrationConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, token) => passengers[i] = await RegisterPassengerAsync(name, token));
        return passengers;
    }

    /// <summary>POST /v1/trips for <paramref name="passenger"/> themselves; the caller reads and disposes the answer.</summary>
    public async Task<HttpResponseMessage> RequestTripAsync(Account passenger, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, new Uri(tripsUrl, "/v1/trips"), passenger);
        request.Content = new StringContent(
            $$"""{ "passengerId": "{{passenger.Id}}", "pickup": { "lat": 51.5072, "lng": -0.1275 }, "dropoff": { "lat": 51.5194, "lng": -0.1270 } }""",
            Encoding.UTF8, "application/json");
        return await _http.SendAsync(request, cancellationToken);
    }

    /// <summary>The trip's passenger cancels it; "200", "409" (already over), another status, or the exception's name.</summary>
    public async Task<string> CancelTripAsync(Account passenger, string tripId, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, new Uri(tripsUrl, $"/v1/trips/{tripId}/cancellation"), passenger);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            return ((int)response.StatusCode).ToString();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return exception.GetType().Name;
        }
    }

    public static HttpRequestMessage Authorized(HttpMethod method, Uri url, Account caller) =>
        new(method, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", caller.Token) } };

    public static async Task<HttpResponseMessage> ReachAsync(Func<Task<HttpResponseMessage>> send, string what, Uri where, string option)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException exception)
        {
            throw new SystemNotReadyException($"Cannot reach {what} at {where} ({exception.Message}). Start the system first " +
                $"(./run.sh, or dotnet run --project TaxiHailing.AppHost), or pass {option} if it listens elsewhere.");
        }
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var problem = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new SystemNotReadyException($"{what} failed: {(int)response.StatusCode} {problem}");
    }

    public void Dispose() => _http.Dispose();
}
