using System.Net;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>
/// The AppHost's control API over real HTTP, as an operator or the partial-failure benchmark uses it. In the
/// partial-failure collection, whose tests expect Passengers to be hurt now and then; each test leaves it healthy.
/// </summary>
[Collection(PartialFailureCollection.Name)]
public sealed class ControlApiTests(PartialFailureApplication partialFailure) : IDisposable
{
    private readonly DistributedApplication _app = partialFailure.App;
    private readonly HttpClient _control = new() { BaseAddress = partialFailure.App.ControlApiEndpoint };

    [Fact]
    public async Task It_lists_every_resource_with_its_state_and_endpoint()
    {
        var resources = JsonNode.Parse(await _control.GetStringAsync("/api/resources"))!.AsArray().Select(resource => resource!.AsObject()).ToList();

        Assert.Equal(
            ["postgres", "passengersdb", "tripsdb", "dispatchdb", "notificationsdb", "driversdb", "kafka", "passengers", "trips", "dispatcher", "drivers", "notifications"],
            resources.Select(resource => resource["name"]!.GetValue<string>()));
        Assert.All(resources, resource => Assert.Equal("Healthy", resource["state"]!.GetValue<string>()));
        var passengers = resources.Single(resource => resource["name"]!.GetValue<string>() == "passengers");
        Assert.Equal(_app.GetEndpoint("passengers"), new Uri(passengers["endpoint"]!.GetValue<string>()));
        Assert.Equal("Project", passengers["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Passengers_frozen_and_resumed_then_stopped_and_started_through_it_answers_again_each_time()
    {
        try
        {
            Assert.Equal("Frozen", (await CommandAsync("passengers", "freeze", HttpStatusCode.OK))["state"]!.GetValue<string>());
            Assert.Equal(ResourceState.Frozen, _app.GetResourceState("passengers"));
            Assert.False(await PassengersAnswersAsync(), "a frozen passengers answered");

            Assert.Equal("Healthy", (await CommandAsync("passengers", "resume", HttpStatusCode.OK))["state"]!.GetValue<string>());
            Assert.True(await PassengersAnswersAsync(), "a resumed passengers did not answer");

            Assert.Equal("Stopped", (await CommandAsync("passengers", "stop", HttpStatusCode.OK))["state"]!.GetValue<string>());
            Assert.Equal(ResourceState.Stopped, _app.GetResourceState("passengers"));
            Assert.False(await PassengersAnswersAsync(), "a stopped passengers answered");

            using (var start = await _control.PostAsync("/api/resources/passengers/start", null))
            {
                Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
                Assert.Equal("/api/resources/passengers", start.Headers.Location!.OriginalString);
            }

            await TaxiApi.EventuallyAsync(async () => await StateAsync("passengers") == "Healthy", TimeSpan.FromSeconds(60), "passengers is healthy again");
            Assert.True(await PassengersAnswersAsync(), "a restarted passengers did not answer");
        }
        finally
        {
            await RestorePassengersAsync();
        }
    }

    [Fact]
    public async Task An_unknown_resource_gets_a_404_and_a_command_that_makes_no_sense_now_a_409_problem()
    {
        await CommandAsync("nobody", "stop", HttpStatusCode.NotFound);
        using (var unknown = await _control.GetAsync("/api/resources/nobody"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Contains("not frozen", Detail(await CommandAsync("passengers", "resume", HttpStatusCode.Conflict)));
        Assert.Contains("Healthy", Detail(await CommandAsync("passengers", "start", HttpStatusCode.Conflict)));
        Assert.Contains("not as a process of its own", Detail(await CommandAsync("kafka", "freeze", HttpStatusCode.Conflict)));
        try
        {
            await CommandAsync("passengers", "stop", HttpStatusCode.OK);
            foreach (var command in (string[])["freeze", "stop", "resume"])
            {
                Assert.Contains("Stopped", Detail(await CommandAsync("passengers", command, HttpStatusCode.Conflict)));
            }
        }
        finally
        {
            await RestorePassengersAsync();
        }

        Assert.Equal("Healthy", await StateAsync("passengers"));
    }

    [Fact]
    public async Task A_request_a_web_page_of_another_origin_could_send_is_refused_and_changes_nothing()
    {
        // A "simple" cross-site POST: text/plain, no preflight; the browser adds Origin and Sec-Fetch-Site.
        using (var fromPage = new HttpRequestMessage(HttpMethod.Post, "/api/resources/passengers/stop") { Content = new StringContent("x") })
        {
            fromPage.Headers.Add("Origin", "http://attacker.example");
            using var refused = await _control.SendAsync(fromPage);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }

        using (var sameSite = new HttpRequestMessage(HttpMethod.Post, "/api/resources/passengers/freeze"))
        {
            sameSite.Headers.Add("Sec-Fetch-Site", "same-site");
            using var refused = await _control.SendAsync(sameSite);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(ResourceState.Healthy, _app.GetResourceState("passengers"));
        Assert.True(await PassengersAnswersAsync(), "passengers was stopped or frozen by a refused request");
    }

    private async Task<JsonObject> CommandAsync(string resource, string command, HttpStatusCode expected)
    {
        using var response = await _control.PostAsync($"/api/resources/{resource}/{command}", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{command} {resource} answered {(int)response.StatusCode}: {body}");
        if (expected >= HttpStatusCode.BadRequest) Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static string Detail(JsonObject problem) => problem["detail"]!.GetValue<string>();

    private async Task<string> StateAsync(string resource) =>
        JsonNode.Parse(await _control.GetStringAsync($"/api/resources/{resource}"))!["state"]!.GetValue<string>();

    private async Task<bool> PassengersAnswersAsync()
    {
        using var passengers = new HttpClient { BaseAddress = _app.GetEndpoint("passengers"), Timeout = TimeSpan.FromSeconds(1) };
        try
        {
            using var response = await passengers.GetAsync("/health");
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    // Through the engine, not the API under test, so that a failing test still leaves passengers healthy.
    private async Task RestorePassengersAsync()
    {
        var state = _app.GetResourceState("passengers");
        if (state == ResourceState.Frozen) await _app.ResumeResourceAsync("passengers");
        if (state is ResourceState.Stopped or ResourceState.Failed) await _app.StartResourceAsync("passengers");
        await _app.WaitForResourceHealthyAsync("passengers", TimeSpan.FromSeconds(60));
    }

    public void Dispose() => _control.Dispose();
}
