using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Notifications;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(NotificationPayload))]
[JsonSerializable(typeof(NotificationListRepresentation))]
public sealed partial class NotificationsJsonContext : JsonSerializerContext;
