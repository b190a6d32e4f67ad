using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Drivers;

// Strict numbers: a coordinate sent as a string is a client bug to report, not to guess at.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RegisterDriverBody))]
[JsonSerializable(typeof(AvailabilityBody))]
[JsonSerializable(typeof(CoordinatesBody))]
[JsonSerializable(typeof(DriverRepresentation))]
[JsonSerializable(typeof(DriverListRepresentation))]
[JsonSerializable(typeof(AnswerOfferBody))]
[JsonSerializable(typeof(OfferRepresentation))]
[JsonSerializable(typeof(OfferListRepresentation))]
[JsonSerializable(typeof(DriverTripRepresentation))]
public sealed partial class DriversJsonContext : JsonSerializerContext;
