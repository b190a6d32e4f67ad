using System.Text.Json.Serialization;

namespace TaxiHailing.Messaging;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class MessagingJsonContext : JsonSerializerContext;
