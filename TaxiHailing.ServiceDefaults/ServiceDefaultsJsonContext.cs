using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FaultSettingsBody))]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(DependencyStatus[]))]
[JsonSerializable(typeof(DependencyStatus))]
[JsonSerializable(typeof(DependencyPipelineBody))]
internal sealed partial class ServiceDefaultsJsonContext : JsonSerializerContext;
