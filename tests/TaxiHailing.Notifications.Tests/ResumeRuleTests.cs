namespace TaxiHailing.Notifications.Tests;

public class ResumeRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_last_event_id_the_stream_replays_the_recent_window(string? header)
    {
        Assert.True(ResumePoint.TryParse(header, out var resumePoint));
        Assert.Null(resumePoint.AfterId);
        Assert.Equal(ResumePoint.Recent, resumePoint);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("0042", 42)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void A_last_event_id_resumes_after_that_notification(string header, long expected)
    {
        Assert.True(ResumePoint.TryParse(header, out var resumePoint));
        Assert.Equal(expected, resumePoint.AfterId);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("abc")]
    [InlineData(" 4")]
    [InlineData("4 ")]
    [InlineData("4 2")]
    [InlineData("1,2")] // the header sent twice
    [InlineData("0x10")]
    [InlineData("9223372036854775808")] // one past long.MaxValue
    [InlineData("١٢")] // Arabic-Indic digits
    public void Anything_but_a_non_negative_integer_is_malformed(string header)
    {
        Assert.False(ResumePoint.TryParse(header, out _));
    }

    [Fact]
    public void The_cursor_sends_only_what_comes_after_the_resume_point()
    {
        var cursor = new StreamCursor(lastSentId: 41);

        Assert.False(cursor.TryAdvance(41));
        Assert.False(cursor.TryAdvance(40));
        Assert.True(cursor.TryAdvance(42));
        Assert.Equal(42, cursor.LastSentId);
    }

    [Fact]
    public void The_cursor_never_sends_an_id_twice_nor_goes_back()
    {
        var cursor = new StreamCursor(0);
        long[] read = [3, 5, 5, 4, 9, 9, 12];

        var sent = read.Where(cursor.TryAdvance).ToList();

        Assert.Equal([3, 5, 9, 12], sent);
        Assert.Equal(12, cursor.LastSentId);
    }

    [Fact]
    public void The_replay_window_reaches_back_from_now()
    {
        var now = new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 50, 0, TimeSpan.Zero), ResumePoint.ReplaySince(now, TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromMinutes(10), new NotificationsOptions().ReplayWindow);
    }
}
