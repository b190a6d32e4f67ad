using System.Net;
using System.Text.Json.Nodes;

namespace TaxiHailing.Fuzz;

/// <summary>A service's OpenAPI documents, one per API version it serves side by side: v1, v2, ... until one is not found.</summary>
internal static class ApiDocuments
{
    public static async Task<List<JsonObject>> ReadAsync(HttpClient http, Uri service, CancellationToken cancellationToken)
    {
        List<JsonObject> documents = [];
        for (var version = 1; ; version++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(service, $"/openapi/v{version}.json"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.NotFound) return documents;
                response.EnsureSuccessStatusCode();
                documents.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject());
            }
            catch (HttpRequestException problem)
            {
                Console.Error.WriteLine($"{service}: /openapi/v{version}.json could not be read ({problem.Message}).");
                return documents;
            }
        }
    }
}
