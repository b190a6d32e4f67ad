using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>
/// One operation's request, ready to spoil: where it goes, who may send it, a body it takes, the same body with a
/// NUL in one string (<see cref="NulField"/>), and how to tell that nothing of a request was stored.
/// </summary>
internal sealed record BodyTarget(
    string Resource, Account Caller, string Method, string Path, string Valid, string WithNul, string NulField, Func<Task<bool>> NothingStoredAsync)
{
    /// <summary>Puts back what the valid body changed, where other tests would notice (Trips' admin settings).</summary>
    public Func<Task> UndoAsync { get; init; } = () => Task.CompletedTask;
}

/// <summary>Every operation of the public and admin APIs that takes a body.</summary>
internal static class BodyOperations
{
    public static readonly string[] Names =
        ["register-passenger", "request-trip", "register-driver", "change-availability", "report-location", "answer-offer", "inject-faults", "switch-pipeline"];

    public static async Task<BodyTarget> PrepareAsync(this DistributedApplication app, string operation, Func<Task<(Account Driver, string OfferId)>> offer)
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var @operator = await app.OperatorAsync();
        switch (operation)
        {
            case "register-passenger":
                return new("passengers", await app.SignInAsync("passenger"), "POST", "/v1/passengers",
                    $$"""{ "name": "Ada {{marker}}", "phone": "+44 20 7946 0018" }""", $$"""{ "name": "Ada\u0000{{marker}}", "phone": "+44 20 7946 0018" }""", "name",
                    () => NoneAsync(app, "passengersdb", "SELECT count(*) FROM passengers WHERE strpos(name, $1) > 0", marker));
            case "request-trip":
                var passenger = await app.RegisterPassengerAsync();
                var passengerId = passenger.Id;
                return new("trips", passenger, "POST", "/v1/trips", await TaxiApi.TripRequest(passengerId).ReadAsStringAsync(),
                    $$"""{ "passengerId": "\u0000{{passengerId}}", "pickup": { "lat": 51.5, "lng": -0.12 }, "dropoff": { "lat": 51.52, "lng": -0.1 } }""", "passengerId",
                    () => NoneAsync(app, "tripsdb", "SELECT count(*) FROM trips WHERE passenger_id = $1", Guid.Parse(passengerId)));
            case "register-driver":
                var vehicle = $$"""{ "model": "Niro", "colour": "Blue", "plate": "NU{{Random.Shared.Next(10, 99)}} {{marker[..3].ToUpperInvariant()}}" }""";
                return new("drivers", await app.SignInAsync("driver"), "POST", "/v1/drivers",
                    $$"""{ "name": "Dara {{marker}}", "vehicle": {{vehicle.Replace("{ ", """{ "make": "Kia", """)}} }""",
                    $$"""{ "name": "Dara {{marker}}", "vehicle": {{vehicle.Replace("{ ", """{ "make": "Kia\u0000", """)}} }""", "vehicle.make",
                    () => NoneAsync(app, "driversdb", "SELECT count(*) FROM drivers WHERE strpos(name, $1) > 0", marker));
            case "change-availability":
                var offline = await RegisterOfflineDriverAsync(app);
                return new("drivers", offline, "PUT", $"/v1/drivers/{offline.Id}/availability",
                    """{ "online": true, "position": { "lat": -45.01, "lng": 170.01 } }""", """{ "online": true, "position": { "lat": "\u0000", "lng": 170.01 } }""", "position.lat",
                    () => NoneAsync(app, "driversdb", "SELECT count(*) FROM drivers WHERE id = $1 AND online", Guid.Parse(offline.Id)));
            case "report-location":
                // Far from every other test's drivers and trips, so that no trip is ever offered to this silent driver.
                var online = await app.RegisterOnlineDriverAsync((-45.0, 170.0), "Nika Tane");
                return new("drivers", online, "POST", $"/v1/drivers/{online.Id}/location",
                    """{ "lat": -45.01, "lng": 170.01 }""", """{ "lat": "\u0000", "lng": 170.01 }""", "lat",
                    () => NoneAsync(app, "driversdb", "SELECT count(*) FROM drivers WHERE id = $1 AND lat <> -45.0", Guid.Parse(online.Id)));
            case "answer-offer":
                var (driver, offerId) = await offer();
                return new("drivers", driver, "POST", $"/v1/drivers/{driver.Id}/offers/{offerId}/answer", """{ "accept": false }""", """{ "accept": "false\u0000" }""", "accept",
                    async () => await OfferStateAsync(app, driver, offerId) is "open" or "expired");
            case "inject-faults":
                return new("trips", @operator, "PUT", "/admin/dependencies/passengers/faults",
                    """{ "latencyMs": 1, "latencyRate": 0.01 }""", """{ "latencyMs": "1\u0000", "latencyRate": 0.01 }""", "latencyMs",
                    async () => (await GetJsonAsync(app, "trips", @operator, "/admin/dependencies/passengers/faults"))["latencyMs"]!.GetValue<int>() == 0)
                {
                    UndoAsync = () => SendAsync(app, "trips", @operator, HttpMethod.Delete, "/admin/dependencies/passengers/faults"),
                };
            case "switch-pipeline":
                return new("trips", @operator, "PUT", "/admin/dependencies/passengers/pipeline",
                    """{ "pipeline": "library-defaults" }""", """{ "pipeline": "library-defaults\u0000" }""", "pipeline",
                    async () => await PipelineAsync(app) == "tuned")
                {
                    UndoAsync = () => SendAsync(app, "trips", @operator, HttpMethod.Put, "/admin/dependencies/passengers/pipeline", new { pipeline = "tuned" }),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }

    /// <summary>A trip offered to a driver of its own, far from the fleet; returns the driver's and the offer's ids.</summary>
    public static async Task<(Account Driver, string OfferId)> OfferAsync(this DistributedApplication app, (double Lat, double Lng) at)
    {
        var driver = await app.RegisterOnlineDriverAsync(at, "Ólöf Jónsdóttir");
        await app.WaitUntilDispatcherHasAvailableAsync(driver);
        var tripId = await app.RequestTripAsync(pickup: at);
        return (driver, (await app.WaitForOfferAsync(driver, tripId))["offerId"]!.GetValue<string>());
    }

    private static async Task<Account> RegisterOfflineDriverAsync(DistributedApplication app)
    {
        var driver = await app.SignInAsync("driver");
        using var drivers = app.CreateHttpClient("drivers", driver);
        var plate = $"OF{Random.Shared.Next(10, 99)} {(char)('A' + Random.Shared.Next(26))}{(char)('A' + Random.Shared.Next(26))}Z";
        using var registered = await drivers.PostAsJsonAsync("/v1/drivers", new { name = "Tamsin Hart", vehicle = new { make = "Kia", model = "Niro", colour = "Red", plate } });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return driver;
    }

    private static async Task<string> PipelineAsync(DistributedApplication app)
    {
        using var trips = await app.CreateOperatorClientAsync("trips");
        var dependencies = System.Text.Json.Nodes.JsonNode.Parse(await trips.GetStringAsync("/admin/dependencies"))!.AsArray();
        return dependencies.Single(d => d!["name"]!.GetValue<string>() == "passengers")!["pipeline"]!.GetValue<string>();
    }

    private static async Task<string> OfferStateAsync(DistributedApplication app, Account driver, string offerId) =>
        (await GetJsonAsync(app, "drivers", driver, $"/v1/drivers/{driver.Id}/offers/{offerId}"))["state"]!.GetValue<string>();

    // Straight from the service's own database: what the API would not show (a row it should never have written).
    private static async Task<bool> NoneAsync(DistributedApplication app, string database, string sql, object value)
    {
        await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = value } } };
        return (long)(await count.ExecuteScalarAsync())! == 0;
    }

    private static async Task<JsonObject> GetJsonAsync(DistributedApplication app, string resource, Account caller, string path)
    {
        using var client = app.CreateHttpClient(resource, caller);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static async Task SendAsync(DistributedApplication app, string resource, Account caller, HttpMethod method, string path, object? body = null)
    {
        using var client = app.CreateHttpClient(resource, caller);
        using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
