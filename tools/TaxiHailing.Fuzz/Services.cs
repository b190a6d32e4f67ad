using System.Text.Json.Nodes;

namespace TaxiHailing.Fuzz;

/// <summary>The running services: the public ones on their fixed ports, the Dispatcher where the AppHost's control API says.</summary>
internal static class Services
{
    public static readonly (string Name, int Port)[] Public = [("trips", 5100), ("passengers", 5200), ("notifications", 5400), ("drivers", 5500)];

    public static async Task<List<(string Name, Uri Url)>> FindAsync(HttpClient http, Uri control, CancellationToken cancellationToken)
    {
        var found = Public.Select(service => (service.Name, new Uri($"http://localhost:{service.Port}"))).ToList();
        try
        {
            var resources = JsonNode.Parse(await http.GetStringAsync(new Uri(control, "/api/resources"), cancellationToken))!.AsArray();
            if (resources.FirstOrDefault(r => r!["name"]!.GetValue<string>() == "dispatcher")?["endpoint"]?.GetValue<string>() is { } dispatcher)
            {
                found.Add(("dispatcher", new Uri(dispatcher)));
            }
        }
        catch (HttpRequestException problem)
        {
            Console.Error.WriteLine($"The AppHost's control API at {control} did not answer ({problem.Message}): the Dispatcher is left out.");
        }

        return found;
    }
}
