using TaxiHailing.ContractGate.Documents;
using TaxiHailing.ContractGate.Tests.Support;

namespace TaxiHailing.ContractGate.Tests;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("{ \"openapi\": ", "is not valid JSON")]
    [InlineData("[]", "is not a JSON object")]
    [InlineData("""{ "swagger": "2.0" }""", "neither an 'openapi' nor an 'asyncapi'")]
    [InlineData("""{ "openapi": "2.0" }""", "the gate reads OpenAPI 3.x")]
    [InlineData("""{ "asyncapi": "2.6.0" }""", "the gate reads AsyncAPI 3.x")]
    [InlineData("""{ "openapi": "3.1.1", "paths": {}, "paths": {} }""", "is not valid JSON")]
    public void A_document_the_gate_cannot_read_is_bad_input(string json, string problem)
    {
        var error = Assert.Throws<BadContractException>(() => ContractDocument.Parse("trips.v1.json", json));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_reference_to_nothing_is_bad_input()
    {
        var released = Api.Request("""{ "$ref": "#/components/schemas/RequestTripBody" }""", """{ "RequestTripBody": { "type": "object" } }""");
        var current = Api.Request("""{ "$ref": "#/components/schemas/RequestTrip" }""");

        var error = Assert.Throws<BadContractException>(() => Gate.Compare(released, current));

        Assert.Equal("trips.v1.json: the reference '#/components/schemas/RequestTrip' points at nothing.", error.Message);
    }

    [Fact]
    public void A_reference_to_another_file_is_bad_input()
    {
        var current = Api.Request("""{ "$ref": "common.json#/components/schemas/Location" }""");

        Assert.Throws<BadContractException>(() => Gate.Compare(Api.Request("{}"), current));
    }
}
