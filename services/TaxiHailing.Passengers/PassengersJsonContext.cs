using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Passengers;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RegisterPassengerBody))]
[JsonSerializable(typeof(PassengerRepresentation))]
public sealed partial class PassengersJsonContext : JsonSerializerContext;
