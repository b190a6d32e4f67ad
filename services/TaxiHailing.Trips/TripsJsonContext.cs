using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Trips;

// Strict numbers: a coordinate sent as a string is a client bug to report, not to guess at.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RequestTripBody))]
[JsonSerializable(typeof(TripRepresentation))]
[JsonSerializable(typeof(RequestTripBodyV2))]
[JsonSerializable(typeof(TripRepresentationV2))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
public sealed partial class TripsJsonContext : JsonSerializerContext;
