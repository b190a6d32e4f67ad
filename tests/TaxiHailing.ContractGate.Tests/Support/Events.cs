namespace TaxiHailing.ContractGate.Tests.Support;

/// <summary>A small AsyncAPI 3.0 document: trip events, and a confirm-assignment request with its reply; a test chooses tripCreated's payload and headers.</summary>
internal static class Events
{
    public const string TripCreated = """
        { "type": "object", "required": ["tripId", "pickup"],
          "properties": { "tripId": { "type": "string", "format": "uuid" }, "pickup": { "$ref": "#/components/schemas/GeoPoint" } } }
        """;

    public const string Headers = """
        { "type": "object", "required": ["message-type"], "properties": { "message-type": { "type": "string" }, "traceparent": { "type": "string" } } }
        """;

    private const string GeoPoint = """
        { "type": "object", "required": ["lat", "lng"], "properties": { "lat": { "type": "number" }, "lng": { "type": "number" } } }
        """;

    public static string Document(string payload = TripCreated, string headers = Headers, string geoPoint = GeoPoint) => $$"""
        {
          "asyncapi": "3.0.0",
          "info": { "title": "TaxiHailing messaging", "version": "1.0.0" },
          "defaultContentType": "application/json",
          "channels": {
            "tripEvents": { "address": "taxi.trips.events", "messages": { "tripCreated": { "$ref": "#/components/messages/tripCreated" } } },
            "driverRequests": { "address": "taxi.drivers.requests", "messages": { "confirmAssignment": { "$ref": "#/components/messages/confirmAssignment" } } },
            "dispatcherReplies": { "address": "taxi.dispatcher.replies", "messages": { "assignmentAnswered": { "$ref": "#/components/messages/assignmentAnswered" } } }
          },
          "operations": {
            "publishTripEvents": {
              "action": "send", "channel": { "$ref": "#/channels/tripEvents" },
              "messages": [ { "$ref": "#/channels/tripEvents/messages/tripCreated" } ]
            },
            "confirmAssignment": {
              "action": "send", "channel": { "$ref": "#/channels/driverRequests" },
              "messages": [ { "$ref": "#/channels/driverRequests/messages/confirmAssignment" } ],
              "reply": {
                "address": { "location": "$message.header#/reply-to" },
                "channel": { "$ref": "#/channels/dispatcherReplies" },
                "messages": [ { "$ref": "#/channels/dispatcherReplies/messages/assignmentAnswered" } ]
              }
            }
          },
          "components": {
            "messages": {
              "tripCreated": { "name": "trips.trip-created.v1", "headers": {{headers}}, "payload": {{payload}} },
              "confirmAssignment": { "name": "dispatch.confirm-assignment.v1", "payload": { "type": "object", "properties": { "tripId": { "type": "string" } } } },
              "assignmentAnswered": { "name": "drivers.assignment-answered.v1", "payload": { "type": "object", "properties": { "confirmed": { "type": "boolean" } } } }
            },
            "schemas": { "GeoPoint": {{geoPoint}} }
          }
        }
        """;

    public static ChangeLog Compare(string released, string current) => Gate.Compare(released, current, "taxihailing.json");
}
