using System.Net;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>The AppHost run as users run it: a process of its own, stopped with SIGTERM or killed outright.</summary>
public sealed class AppHostProcessTests
{
    [Fact]
    public async Task SIGTERM_stops_every_resource_and_leaves_no_process_or_temporary_directory()
    {
        await using var appHost = await RunningAppHost.StartAsync();
        var descendants = appHost.Descendants();
        var dataDirectory = appHost.PostgresDataDirectory();
        using (var client = new HttpClient())
        {
            using var signedIn = await client.PostAsync($"http://localhost:{appHost.PassengersPort}/dev/tokens", TaxiApi.Json("""{ "role": "passenger" }"""));
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await signedIn.ReadJsonAsync())["accessToken"]!.GetValue<string>());
            using var registered = await client.PostAsync($"http://localhost:{appHost.PassengersPort}/v1/passengers",
                TaxiApi.Json("""{ "name": "Grace Hopper", "phone": "+1 212 555 0100" }"""));
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

            // The control API is on the port AppHost:ControlPort gives it.
            var resources = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"http://127.0.0.1:{appHost.ControlPort}/api/resources"))!.AsArray();
            var trips = resources.Single(resource => resource!["name"]!.GetValue<string>() == "trips")!;
            Assert.Equal("Healthy", trips["state"]!.GetValue<string>());
            Assert.Equal($"http://localhost:{appHost.TripsPort}", trips["endpoint"]!.GetValue<string>());
        }

        appHost.Signal("TERM");

        Assert.Equal(0, await appHost.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        // DCP finishes stopping the resources after the AppHost has exited.
        await TaxiApi.EventuallyAsync(() => Task.FromResult(!descendants.Any(RunningAppHost.IsRunning)),
            TimeSpan.FromSeconds(10), "every process of the AppHost has stopped");
        await TaxiApi.EventuallyAsync(() => Task.FromResult(!Directory.Exists(dataDirectory)),
            TimeSpan.FromSeconds(5), $"{dataDirectory} is removed");
    }

    [Fact]
    public async Task After_SIGKILL_of_the_AppHost_its_children_stop_by_themselves_and_remove_the_temporary_data()
    {
        await using var appHost = await RunningAppHost.StartAsync();
        var descendants = appHost.Descendants();
        var dataDirectory = appHost.PostgresDataDirectory();
        Assert.Contains(descendants, RunningAppHost.IsRunning);

        appHost.Signal("KILL");

        await TaxiApi.EventuallyAsync(() => Task.FromResult(!descendants.Any(RunningAppHost.IsRunning)),
            TimeSpan.FromSeconds(30), "every child of the killed AppHost has stopped");
        await TaxiApi.EventuallyAsync(() => Task.FromResult(!Directory.Exists(dataDirectory)),
            TimeSpan.FromSeconds(10), $"{dataDirectory} is removed");
    }
}
