using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Trips.Tests;

/// <summary>Background loops poll the database many times a second: only calls made inside traced work get a span.</summary>
public sealed class DatabaseTracingTests : IDisposable
{
    private const string WorkSource = "TaxiHailing.Trips.Tests.DatabaseTracing";
    private readonly ActivitySource _work = new(WorkSource);
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == WorkSource,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public DatabaseTracingTests() => ActivitySource.AddActivityListener(_listener);

    public void Dispose()
    {
        _listener.Dispose();
        _work.Dispose();
    }

    [Fact]
    public void A_call_from_a_polling_loop_with_no_current_activity_is_not_traced()
    {
        Activity.Current = null;

        Assert.False(DatabaseTracing.IsInsideTracedWork());
    }

    [Fact]
    public void A_call_inside_a_request_or_message_span_is_traced()
    {
        using var request = _work.StartActivity("POST /v1/trips");

        Assert.NotNull(request);
        Assert.True(DatabaseTracing.IsInsideTracedWork());
    }

    [Theory]
    [InlineData("Host=db", 5, 5)]
    [InlineData("Host=db;Timeout=2", 2, 5)]
    [InlineData("Host=db;Command Timeout=0", 5, 0)]
    [InlineData("Host=db;CommandTimeout=9", 5, 9)]
    public void Timeouts_default_to_5_s_unless_the_connection_string_sets_them(string given, int timeout, int commandTimeout)
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(ServiceDatabaseExtensions.WithDefaultTimeouts(given));

        Assert.Equal(timeout, connection.Timeout);
        Assert.Equal(commandTimeout, connection.CommandTimeout);
    }
}
