namespace TaxiHailing.Notifications.Tests;

public class ServerSentEventFormatTests
{
    [Fact]
    public void An_event_has_its_id_its_name_its_data_and_ends_with_a_blank_line()
    {
        var text = ServerSentEventFormat.Event(42, "driver-assigned", """{"tripId":"t","kind":"driver-assigned"}""");

        Assert.Equal("id: 42\nevent: driver-assigned\ndata: {\"tripId\":\"t\",\"kind\":\"driver-assigned\"}\n\n", text);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\r\nb")]
    [InlineData("a\rb")]
    public void Data_of_several_lines_becomes_one_data_line_each(string data)
    {
        var text = ServerSentEventFormat.Event(1, "trip-requested", data);

        Assert.Equal("id: 1\nevent: trip-requested\ndata: a\ndata: b\n\n", text);
    }

    [Fact]
    public void Unicode_line_separators_in_data_stay_in_their_line()
    {
        var text = ServerSentEventFormat.Event(1, "trip-unserved", "{\"reason\":\"a\u2028b\"}");

        Assert.Equal("id: 1\nevent: trip-unserved\ndata: {\"reason\":\"a\u2028b\"}\n\n", text);
    }

    [Fact]
    public void An_event_name_cannot_break_the_stream()
    {
        Assert.Throws<ArgumentException>(() => ServerSentEventFormat.Event(1, "trip\ndata: forged", "{}"));
    }

    [Fact]
    public void The_keep_alive_is_a_comment_that_EventSource_ignores()
    {
        Assert.Equal(": keep-alive\n\n", ServerSentEventFormat.KeepAlive);
        Assert.Equal("text/event-stream", ServerSentEventFormat.ContentType);
    }
}
