using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FaultSettingsBody))]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(DependencyStatus[]))]
[JsonSerializable(typeof(DependencyStatus))]
[JsonSerializable(typeof(DependencyPipelineBody))]
[JsonSerializable(typeof(SignInBody))]
[JsonSerializable(typeof(SignedIn))]
internal sealed partial class ServiceDefaultsJsonContext : JsonSerializerContext;
