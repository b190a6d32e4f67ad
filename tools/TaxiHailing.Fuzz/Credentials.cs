using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TaxiHailing.Fuzz;

/// <summary>
/// The Authorization header to send to a service: an operator's token from its Development-only POST /dev/tokens, or
/// none while the service has no such endpoint (404). The one place to change when sign-in changes.
/// </summary>
internal static class Credentials
{
    public static async Task<string?> OperatorAuthorizationAsync(HttpClient http, Uri service, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(service, "/dev/tokens"), new { role = "operator" }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed) return null;
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"{service}: POST /dev/tokens answered {(int)response.StatusCode}; sending no token.");
            return null;
        }

        var token = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return $"{token?["tokenType"]?.GetValue<string>() ?? "Bearer"} {token!["accessToken"]!.GetValue<string>()}";
    }
}
