using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiHailing.Dispatcher;

/// <summary>How a trip's dispatch ended: "driver-assigned" or "unserved" in JSON.</summary>
[JsonConverter(typeof(DispatchOutcomeJsonConverter))]
public enum DispatchOutcome
{
    DriverAssigned,
    Unserved,
}

public sealed class DispatchOutcomeJsonConverter() : JsonStringEnumConverter<DispatchOutcome>(JsonNamingPolicy.KebabCaseLower);
