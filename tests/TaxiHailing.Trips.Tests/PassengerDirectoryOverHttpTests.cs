using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

/// <summary>
/// The directory as Trips builds it (the generated client over the dependency's HttpClient: service discovery, pipeline,
/// service token), against a stand-in for the Passengers service on a loopback port that answers as each test says.
/// </summary>
public class PassengerDirectoryOverHttpTests
{
    private static readonly Guid PassengerId = Guid.Parse("0190b7a5-1d2e-7c3f-8a4b-5c6d7e8f9a0b");

    // The representation as the Passengers service writes it.
    private static string Representation(string status) => $$"""
        {
          "id": "{{PassengerId}}",
          "name": "Ada Lovelace",
          "phone": "+44 20 7946 0958",
          "status": "{{status}}",
          "registeredAt": "2025-01-02T03:04:05+00:00",
          "_links": { "self": { "href": "/v1/passengers/{{PassengerId}}" }, "suspend": { "href": "/v1/passengers/{{PassengerId}}/suspension", "method": "PUT" } }
        }
        """;

    private static IResult Json(string json) => Results.Text(json, "application/json");

    [Theory]
    [InlineData("active", PassengerStanding.Active)]
    [InlineData("suspended", PassengerStanding.Suspended)]
    [InlineData("on-probation", PassengerStanding.Suspended)] // a status this version does not know yet is not "active"
    public async Task The_passengers_status_decides_the_standing(string status, PassengerStanding expected)
    {
        await using var passengers = await StandInPassengers.StartAsync(() => Json(Representation(status)));

        var lookup = await passengers.Directory().LookUpAsync(PassengerId, CancellationToken.None);

        Assert.Equal(new PassengerCheck(expected), lookup.Check);
        Assert.Equal(new PassengerSnapshot(PassengerId, "Ada Lovelace", "+44 20 7946 0958"), lookup.Passenger);
    }

    [Fact]
    public async Task It_asks_for_the_passenger_by_id_with_the_services_bearer_token()
    {
        await using var passengers = await StandInPassengers.StartAsync(() => Json(Representation("active")));

        await passengers.Directory().CheckAsync(PassengerId, CancellationToken.None);

        var request = Assert.Single(passengers.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v1/passengers/{PassengerId}", request.Path);
        Assert.StartsWith("Bearer ", request.Authorization);
        Assert.Equal("service", request.Role); // the stand-in accepted the token as a service's
        Assert.Contains("application/json", request.Accept);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_404_means_the_passenger_is_unknown(bool withProblem)
    {
        await using var passengers = await StandInPassengers.StartAsync(() => withProblem
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Passenger not found")
            : Results.NotFound());

        Assert.Equal(new PassengerLookup(new(PassengerStanding.Unknown)), await passengers.Directory().LookUpAsync(PassengerId, CancellationToken.None));
    }

    [Theory]
    [InlineData(StatusCodes.Status500InternalServerError, true)]
    [InlineData(StatusCodes.Status500InternalServerError, false)]
    [InlineData(StatusCodes.Status503ServiceUnavailable, false)]
    public async Task A_server_error_means_the_directory_is_unavailable_after_the_pipelines_retry(int status, bool withProblem)
    {
        await using var passengers = await StandInPassengers.StartAsync(() => withProblem
            ? Results.Problem(statusCode: status, title: "Boom")
            : Results.StatusCode(status));

        Assert.Equal(PassengerCheck.Unavailable(DependencyFailure.ErrorAnswer), await passengers.Directory().CheckAsync(PassengerId, CancellationToken.None));
        Assert.Equal(2, passengers.Requests.Count); // MaxRetries: 1, so the pipeline is below the generated client
    }

    [Fact]
    public async Task Fields_and_nested_objects_it_does_not_know_are_ignored()
    {
        await using var passengers = await StandInPassengers.StartAsync(() => Json($$"""
            {
              "id": "{{PassengerId}}",
              "name": "Ada Lovelace",
              "loyalty": { "tier": "gold", "since": "2020-01-01", "perks": [ { "code": "quiet-ride" }, 42, null, [true] ] },
              "rating": 4.97,
              "phone": "+44 20 7946 0958",
              "status": "active",
              "tags": ["vip", "early-bird"],
              "registeredAt": "2025-01-02T03:04:05+00:00",
              "preferredLocale": null,
              "_links": {
                "self": { "href": "/v1/passengers/{{PassengerId}}", "templated": false, "hints": { "allow": ["GET"] } },
                "trips": { "href": "/v1/trips?passenger={{PassengerId}}" }
              }
            }
            """));

        var lookup = await passengers.Directory().LookUpAsync(PassengerId, CancellationToken.None);

        Assert.Equal(new PassengerCheck(PassengerStanding.Active), lookup.Check);
        Assert.Equal(new PassengerSnapshot(PassengerId, "Ada Lovelace", "+44 20 7946 0958"), lookup.Passenger);
    }

    [Fact]
    public async Task A_passenger_without_name_or_phone_is_read_without_them()
    {
        await using var passengers = await StandInPassengers.StartAsync(() => Json($$"""{ "id": "{{PassengerId}}", "status": "active" }"""));

        var lookup = await passengers.Directory().LookUpAsync(PassengerId, CancellationToken.None);

        Assert.Equal(new PassengerLookup(new(PassengerStanding.Active), new PassengerSnapshot(PassengerId)), lookup);
    }

    [Theory]
    [InlineData("application/json", "<html>gateway</html>")]
    [InlineData("application/json", """{ "id": "{{id}}", "status": 7 }""")]
    [InlineData("text/html", "<html>gateway</html>")]
    public async Task An_answer_it_cannot_read_means_the_directory_is_unavailable(string contentType, string body)
    {
        await using var passengers = await StandInPassengers.StartAsync(() => Results.Text(body.Replace("{{id}}", PassengerId.ToString()), contentType));

        Assert.Equal(PassengerCheck.Unavailable(DependencyFailure.ErrorAnswer), await passengers.Directory().CheckAsync(PassengerId, CancellationToken.None));
    }

    [Fact]
    public async Task A_passengers_service_that_is_not_there_means_unreachable()
    {
        var passengers = await StandInPassengers.StartAsync(() => Json(Representation("active")));
        await passengers.StopServerAsync();

        Assert.Equal(PassengerCheck.Unavailable(DependencyFailure.Unreachable), await passengers.Directory().CheckAsync(PassengerId, CancellationToken.None));
        await passengers.DisposeAsync();
    }

    /// <summary>What the stand-in saw of one request.</summary>
    private sealed record SeenRequest(string Method, string Path, string? Authorization, string? Role, string Accept);

    /// <summary>A Kestrel server in the place of Passengers (it accepts service tokens as Passengers does), and Trips' side of the call.</summary>
    private sealed class StandInPassengers : IAsyncDisposable
    {
        private LoopbackServer? _server;
        private IHost? _trips;

        public ConcurrentQueue<SeenRequest> Requests { get; } = new();

        public static async Task<StandInPassengers> StartAsync(Func<IResult> answer)
        {
            var passengers = new StandInPassengers();
            passengers._server = await LoopbackServer.StartAsync(app =>
            {
                app.MapDefaultEndpoints();
                app.MapGet("/v1/passengers/{id:guid}", (HttpContext context, ClaimsPrincipal user) =>
                {
                    passengers.Requests.Enqueue(new(context.Request.Method, context.Request.Path, context.Request.Headers.Authorization,
                        user.FindFirst(Caller.RoleClaim)?.Value, context.Request.Headers.Accept.ToString()));
                    return answer();
                }).RequireRoles(CallerRoles.Service);
            }, builder => builder.WithTestSigningKey().AddServiceDefaults());

            var trips = Host.CreateApplicationBuilder();
            trips.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"services:{PassengerDirectory.ServiceName}:http:0"] = passengers._server.Address.ToString(),
                [$"{TokenOptions.Section}:SigningKey"] = TestTokens.SigningKey,
                [$"{DependencyOptions.Section}:{PassengerDirectory.ServiceName}:MaxRetries"] = "1",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            trips.AddServiceDefaults();
            trips.AddHttpDependency<PassengerDirectory>(PassengerDirectory.ServiceName);
            passengers._trips = trips.Build();
            return passengers;
        }

        public PassengerDirectory Directory() => _trips!.Services.GetRequiredService<PassengerDirectory>();

        public async Task StopServerAsync()
        {
            await _server!.DisposeAsync();
            _server = null;
        }

        public async ValueTask DisposeAsync()
        {
            _trips?.Dispose();
            if (_server is not null) await _server.DisposeAsync();
        }
    }
}
