using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>Who may call at all: every operation of every OpenAPI document needs a good token, except health, the documents and sign-in.</summary>
[Collection(TaxiHailingCollection.Name)]
public sealed class AuthenticationTests(TaxiHailingApplication taxiHailing)
{
    private static readonly string[] Services = ["passengers", "trips", "drivers", "notifications", "dispatcher"];
    private readonly DistributedApplication _app = taxiHailing.App;

    public static TheoryData<string> ServiceNames => [.. Services];

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task Every_documented_operation_but_sign_in_answers_401_problem_with_WWW_Authenticate_without_a_token(string service)
    {
        using var client = _app.CreateHttpClient(service);
        var operations = await OperationsAsync(client);
        Assert.NotEmpty(operations);

        foreach (var (method, path, anonymous) in operations)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "POST" or "PUT" ? TaxiApi.Json("{}") : null });
            if (anonymous)
            {
                Assert.True(path.StartsWith("/dev/tokens", StringComparison.Ordinal), $"{service}: {method} {path} is documented as anonymous");
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{service}: {method} {path} answered {response.StatusCode} without a token");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task Health_and_the_OpenAPI_document_answer_without_a_token_and_the_document_describes_the_bearer_scheme(string service)
    {
        using var client = _app.CreateHttpClient(service);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_that_is_forged_expired_in_form_or_not_a_token_is_refused_with_invalid_token()
    {
        var good = await _app.SignInAsync("operator");
        var parts = good.Token.Split('.');
        string[] bad =
        [
            "not-a-token",
            $"{parts[0]}.{parts[1]}.{Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('+', '-').Replace('/', '_')}", // another signature
            $"{parts[0]}.{parts[1]}.", // no signature at all
        ];
        foreach (var token in bad)
        {
            using var dispatcher = _app.CreateHttpClient("dispatcher");
            dispatcher.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await dispatcher.GetAsync("/v1/drivers");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        using var operatorClient = _app.CreateHttpClient("dispatcher", good);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/v1/drivers")).StatusCode);
    }

    [Theory]
    [InlineData("""{ "role": "service" }""", "role")]
    [InlineData("""{ "role": "admin" }""", "role")]
    [InlineData("""{ }""", "role")]
    [InlineData("""{ "role": "passenger", "subject": "00000000-0000-0000-0000-000000000000" }""", "subject")]
    [InlineData("""{ "role": "passenger", "subject": "ada" }""", "subject")]
    public async Task Sign_in_refuses_roles_nobody_signs_in_with_and_subjects_that_are_not_account_ids(string body, string field)
    {
        using var passengers = _app.CreateHttpClient("passengers");

        using var response = await passengers.PostAsync("/dev/tokens", TaxiApi.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field), body);
    }

    /// <summary>Every operation in the service's document, with made-up ids in its path, and whether it is documented as needing no token.</summary>
    private static async Task<List<(string Method, string Path, bool Anonymous)>> OperationsAsync(HttpClient client)
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = new List<(string, string, bool)>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var path = System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", _ => Guid.NewGuid().ToString());
            foreach (var (method, operation) in item!.AsObject())
            {
                operations.Add((method.ToUpperInvariant(), path, operation!["security"] is null));
            }
        }

        return operations;
    }
}
