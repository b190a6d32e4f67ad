namespace TaxiHailing.ContractGate.Tests.Support;

/// <summary>Small OpenAPI 3.1 documents in the shape Microsoft.AspNetCore.OpenApi writes: one POST /v1/trips whose parts a test chooses.</summary>
internal static class Api
{
    public static string Document(
        string request = """{ "type": "object" }""", string response = """{ "type": "object" }""", string parameters = "[]", string schemas = "{}") => $$"""
        {
          "openapi": "3.1.1",
          "info": { "title": "TaxiHailing.Trips | v1", "version": "1.0.0" },
          "paths": {
            "/v1/trips": {
              "post": {
                "operationId": "RequestTrip",
                "parameters": {{parameters}},
                "requestBody": { "required": true, "content": { "application/json": { "schema": {{request}} } } },
                "responses": {
                  "201": { "description": "Created", "content": { "application/json": { "schema": {{response}} } } },
                  "409": { "description": "Conflict", "content": { "application/problem+json": { "schema": { "type": "object" } } } }
                }
              }
            },
            "/v1/trips/{id}": {
              "get": {
                "operationId": "GetTrip",
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
                "responses": { "200": { "description": "OK" }, "404": { "description": "Not Found" } }
              }
            }
          },
          "components": { "schemas": {{schemas}} }
        }
        """;

    /// <summary>An object schema: <c>Object("""{ "lat": { "type": "number" } }""", "lat")</c>.</summary>
    public static string Object(string properties, params string[] required) =>
        $$"""{ "type": "object", "required": [{{string.Join(", ", required.Select(r => $"\"{r}\""))}}], "properties": {{properties}} }""";

    public static string Request(string schema, string schemas = "{}") => Document(request: schema, schemas: schemas);

    public static string Response(string schema, string schemas = "{}") => Document(response: schema, schemas: schemas);
}
