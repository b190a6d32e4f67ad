using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

/// <summary>
/// What CI does with a change to our real contracts, as if the repository's current ones were the release: an
/// intentionally breaking change to a v1 operation or to a message schema fails the gate, an additive one passes.
/// </summary>
public sealed class RepositoryEvolutionTests : IDisposable
{
    private readonly ContractWorkspace _contracts = ContractWorkspace.OfRepository();

    private string TripsV1 => Path.Combine(_contracts.Current, "openapi", "trips.v1.json");

    private string Messages => Path.Combine(_contracts.Current, "asyncapi", "taxihailing.json");

    public void Dispose() => _contracts.Dispose();

    [Fact]
    public void Unchanged_contracts_pass()
    {
        var (exitCode, output, _) = _contracts.Check();

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void Removing_the_v1_cancellation_fails()
    {
        _contracts.Edit(TripsV1, document => document["paths"]!.AsObject().Remove("/v1/trips/{id}/cancellation"));

        var (exitCode, output, _) = _contracts.Check();

        Assert.Equal(1, exitCode);
        Assert.Contains("BREAKING trips.v1.json /v1/trips/{id}/cancellation: path removed, with its operations POST (path-removed)", output);
    }

    [Fact]
    public void A_new_required_field_in_the_v1_trip_request_fails()
    {
        _contracts.Edit(TripsV1, document =>
        {
            var body = document["components"]!["schemas"]!["RequestTripBody"]!.AsObject();
            body["properties"]!["product"] = new JsonObject { ["type"] = "string" };
            body["required"]!.AsArray().Add("product");
        });

        var (exitCode, output, _) = _contracts.Check();

        Assert.Equal(1, exitCode);
        Assert.Contains("BREAKING trips.v1.json POST /v1/trips request body: property 'product' added as required (request-new-required-property)", output);
    }

    [Fact]
    public void Narrowing_a_v1_coordinate_to_an_integer_fails()
    {
        _contracts.Edit(TripsV1, document => document["components"]!["schemas"]!["LocationBody"]!["properties"]!["lat"]!["type"] = new JsonArray("null", "integer"));

        var (exitCode, output, _) = _contracts.Check();

        Assert.Equal(1, exitCode);
        Assert.Contains("POST /v1/trips request body: property 'pickup.lat' type narrowed", output);
    }

    [Fact]
    public void Removing_a_field_of_a_message_fails()
    {
        _contracts.Edit(Messages, document =>
        {
            var payload = document["components"]!["messages"]!["trips.trip-created.v2"]!["payload"]!;
            payload["properties"]!.AsObject().Remove("fareEstimate");
            var required = payload["required"]!.AsArray();
            required.Remove(required.Single(name => name!.GetValue<string>() == "fareEstimate"));
        });

        var (exitCode, output, _) = _contracts.Check();

        Assert.Equal(1, exitCode);
        Assert.Contains("message 'trips.trip-created.v2' payload: property 'fareEstimate' removed", output);
    }

    [Fact]
    public void A_new_ride_product_in_a_message_fails_it_needs_a_new_version()
    {
        _contracts.Edit(Messages, document => document["components"]!["messages"]!["trips.trip-created.v2"]!["payload"]!["properties"]!["product"]!["enum"]!.AsArray().Add("premium"));

        var (exitCode, output, _) = _contracts.Check();

        Assert.Equal(1, exitCode);
        Assert.Contains("enum value 'premium' added", output);
    }

    [Fact]
    public void Additive_changes_pass_an_optional_request_field_a_new_response_field_a_new_operation_and_a_new_message_field()
    {
        _contracts.Edit(TripsV1, document =>
        {
            var schemas = document["components"]!["schemas"]!;
            schemas["RequestTripBody"]!["properties"]!["note"] = new JsonObject { ["type"] = new JsonArray("null", "string") };
            schemas["TripRepresentation"]!["properties"]!["co2Grams"] = new JsonObject { ["type"] = "integer" };
            document["paths"]!["/v1/trips/{id}/receipt"] = document["paths"]!["/v1/trips/{id}"]!.DeepClone();
            document["paths"]!["/v1/trips/{id}/receipt"]!["get"]!["operationId"] = "GetTripReceipt";
        });
        _contracts.Edit(Messages, document =>
            document["components"]!["messages"]!["trips.trip-created.v2"]!["payload"]!["properties"]!["note"] = new JsonObject { ["type"] = new JsonArray("string", "null") });

        var (exitCode, output, _) = _contracts.Check();

        Assert.True(exitCode == 0, output);
        Assert.Contains("new-optional-property", output);
        Assert.Contains("path-added", output);
    }
}
