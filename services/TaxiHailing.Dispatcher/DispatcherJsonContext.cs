using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Dispatcher;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(FleetRepresentation))]
[JsonSerializable(typeof(AssignmentRepresentation))]
[JsonSerializable(typeof(DispatchHistory))]
public sealed partial class DispatcherJsonContext : JsonSerializerContext;
