using System.Diagnostics;

namespace TaxiHailing.Messaging.Tests;

public sealed class MessagingTelemetryTests : IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == MessagingTelemetry.SourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public MessagingTelemetryTests() => ActivitySource.AddActivityListener(_listener);

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void A_send_span_continues_the_trace_of_the_work_that_wrote_the_message()
    {
        const string writer = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        using var send = MessagingTelemetry.StartSend("taxi.trips.events", writer, "vendor=1", Guid.NewGuid(), "trip-1")!;

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", send.TraceId.ToString());
        Assert.Equal("00f067aa0ba902b7", send.ParentSpanId.ToString());
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal("send taxi.trips.events", send.DisplayName);
        Assert.Equal("kafka", send.GetTagItem("messaging.system"));
    }

    private const string Writer = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Fact]
    public void A_process_span_is_a_child_of_the_send_span_not_a_new_trace()
    {
        using var send = MessagingTelemetry.StartSend("taxi.trips.events", Writer, null, Guid.NewGuid(), "trip-1")!;
        var traceParent = send.Id;
        send.Stop();

        using var process = MessagingTelemetry.StartProcess("taxi.trips.events", traceParent, null, "dispatcher")!;

        Assert.Equal(send.TraceId, process.TraceId);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal("dispatcher", process.GetTagItem("messaging.consumer.group.name"));
    }

    [Fact]
    public void The_current_context_is_what_a_written_message_carries()
    {
        using var work = MessagingTelemetry.StartProcess("taxi.dispatch.events", Writer, null, "trips")!;

        var (traceParent, _) = MessagingTelemetry.CurrentContext();

        Assert.Equal(work.Id, traceParent);
    }

    [Fact]
    public void A_message_from_untraced_work_is_sent_and_processed_without_spans()
    {
        Assert.Null(MessagingTelemetry.StartSend("taxi.drivers.locations", null, null, Guid.NewGuid(), "driver-1"));
        Assert.Null(MessagingTelemetry.StartProcess("taxi.drivers.locations", null, null, "dispatcher"));
        Assert.Null(MessagingTelemetry.StartProcess("taxi.drivers.locations", "not a traceparent", null, "dispatcher"));
    }
}
