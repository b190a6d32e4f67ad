using System.Diagnostics;

namespace TaxiHailing.Messaging;

/// <summary>
/// Messaging spans after the OpenTelemetry messaging conventions. A message's send span is a child of the work
/// that wrote it, and its process span a child of the send span, so a request, its Kafka hops and what the
/// consumers do form one trace. A message written by untraced work (a background loop such as the simulated
/// fleet's position reports) starts no trace of its own: it is sent and handled without spans, so that loops do
/// not flood the trace list.
/// </summary>
internal static class MessagingTelemetry
{
    public const string SourceName = "TaxiHailing.Messaging";
    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartSend(string topic, string? parentTraceParent, string? parentTraceState, Guid messageId, string key)
    {
        if (!ActivityContext.TryParse(parentTraceParent, parentTraceState, out var parent)) return null;
        var activity = Source.StartActivity($"send {topic}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "kafka")
            .SetTag("messaging.operation.type", "send")
            .SetTag("messaging.operation.name", "send")
            .SetTag("messaging.destination.name", topic)
            .SetTag("messaging.message.id", messageId.ToString())
            .SetTag("messaging.kafka.message.key", key);
        return activity;
    }

    public static Activity? StartProcess(string topic, string? traceParent, string? traceState, string consumerGroup)
    {
        if (!ActivityContext.TryParse(traceParent, traceState, out var parent)) return null;
        var activity = Source.StartActivity($"process {topic}", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "kafka")
            .SetTag("messaging.operation.type", "process")
            .SetTag("messaging.operation.name", "process")
            .SetTag("messaging.destination.name", topic)
            .SetTag("messaging.consumer.group.name", consumerGroup);
        return activity;
    }

    /// <summary>The W3C trace context of the current work, to be carried by a message it writes.</summary>
    public static (string? TraceParent, string? TraceState) CurrentContext() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? (current.Id, current.TraceStateString) : (null, null);

    public static void RecordError(this Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message)
            .SetTag("error.type", exception.GetType().FullName)
            .AddException(exception);
    }
}
