using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

/// <summary>The <c>check</c> command over a released and a current contracts directory, on realistic contracts.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly ContractWorkspace contracts = new();

    [Fact]
    public void Identical_contracts_pass()
    {
        var (exitCode, output, _) = contracts.Check();

        Assert.Equal(0, exitCode);
        Assert.Contains("0 breaking, 0 warning(s), 0 additive across 2 released contract(s): passed.", output);
    }

    [Fact]
    public void A_path_removed_fails_and_is_named()
    {
        contracts.Edit(contracts.Trips, d => d["paths"]!.AsObject().Remove("/v1/trips/{id}/cancellation"));

        var (exitCode, output, _) = contracts.Check();

        Assert.Equal(1, exitCode);
        Assert.Contains("BREAKING trips.v1.json /v1/trips/{id}/cancellation: path removed, with its operations POST (path-removed)", output);
    }

    [Fact]
    public void A_required_request_field_added_fails()
    {
        contracts.Edit(contracts.Trips, d =>
        {
            var body = d["components"]!["schemas"]!["RequestTripBody"]!.AsObject();
            body["properties"]!["product"] = JsonNode.Parse("""{ "enum": ["standard", "xl"] }""");
            body["required"] = new JsonArray("product");
        });

        var (exitCode, output, _) = contracts.Check();

        Assert.Equal(1, exitCode);
        Assert.Contains("BREAKING trips.v1.json POST /v1/trips request body: property 'product' added as required (request-new-required-property)", output);
    }

    [Fact]
    public void A_request_type_narrowed_fails()
    {
        contracts.Edit(contracts.Trips, d => d["components"]!["schemas"]!["LocationBody"]!["properties"]!["lat"]!["type"] = new JsonArray("null", "integer"));

        var (exitCode, output, _) = contracts.Check();

        Assert.Equal(1, exitCode);
        Assert.Contains("BREAKING trips.v1.json POST /v1/trips request body: property 'pickup.lat' type narrowed from number to integer (request-type-narrowed)", output);
        Assert.Contains("property 'dropoff.lat' type narrowed", output);
    }

    [Fact]
    public void An_optional_field_a_new_path_and_a_new_channel_pass_as_additive()
    {
        contracts.Edit(contracts.Trips, d =>
        {
            d["components"]!["schemas"]!["RequestTripBody"]!["properties"]!["notes"] = JsonNode.Parse("""{ "type": ["null", "string"], "maxLength": 200 }""");
            d["paths"]!["/v1/fares/estimate"] = JsonNode.Parse("""{ "get": { "operationId": "EstimateFare", "responses": { "200": { "description": "OK" } } } }""");
        });
        contracts.Edit(contracts.Messages, d =>
            d["channels"]!["fareEvents"] = JsonNode.Parse("""{ "address": "taxi.fares.events", "messages": { "tripCreated": { "$ref": "#/components/messages/tripCreated" } } }"""));

        var (exitCode, output, _) = contracts.Check();

        Assert.Equal(0, exitCode);
        Assert.Contains("info     trips.v1.json POST /v1/trips request body: property 'notes' added as optional (request-new-optional-property)", output);
        Assert.Contains("info     trips.v1.json /v1/fares/estimate: path added (path-added)", output);
        Assert.Contains("info     taxihailing.json channel 'fareEvents': channel added (address 'taxi.fares.events') (channel-added)", output);
        Assert.Contains("0 breaking, 0 warning(s), 3 additive", output);
    }

    [Fact]
    public void A_message_property_removed_fails()
    {
        contracts.Edit(contracts.Messages, d =>
        {
            var tripCreated = d["components"]!["schemas"]!["TripCreatedV2"]!.AsObject();
            tripCreated["properties"]!.AsObject().Remove("fareEstimate");
            tripCreated["required"] = new JsonArray("tripId", "passengerId", "pickup", "dropoff", "product", "requestedAt");
        });

        var (exitCode, output, _) = contracts.Check();

        Assert.Equal(1, exitCode);
        Assert.Contains("BREAKING taxihailing.json channel 'tripEvents' message 'tripCreatedV2' payload: property 'fareEstimate' removed (it was required) (message-property-removed)", output);
    }

    [Fact]
    public void A_released_contract_missing_from_the_current_set_fails()
    {
        File.Delete(contracts.Messages);

        var (exitCode, output, _) = contracts.Check();

        Assert.Equal(1, exitCode);
        Assert.Contains("BREAKING asyncapi/taxihailing.json: released contract missing from", output);
    }

    [Fact]
    public void An_unreadable_contract_is_bad_input()
    {
        File.WriteAllText(contracts.Trips, "{ \"openapi\": \"3.1.1\", ");

        var (exitCode, _, error) = contracts.Check();

        Assert.Equal(2, exitCode);
        Assert.Contains("contract gate: bad input: '", error);
        Assert.Contains("trips.v1.json' is not valid JSON", error);
    }

    [Fact]
    public void An_empty_baseline_passes_with_a_note()
    {
        Directory.Delete(contracts.Released, recursive: true);
        Directory.CreateDirectory(contracts.Released);

        var (exitCode, output, _) = contracts.Check();

        Assert.Equal(0, exitCode);
        Assert.Contains("No released contracts under", output);
    }

    public void Dispose() => contracts.Dispose();
}
