namespace TaxiHailing.Hosting;

/// <summary>
/// Starts an AppHost's own application model from a test, as Aspire.Hosting.Testing does: the AppHost's entry point
/// runs unchanged, and its builder is handed to the test instead of running. Under tests every endpoint takes a
/// free port, PostgreSQL and Kafka start empty, and output is kept per resource instead of printed.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    private static readonly AsyncLocal<TestingSession?> CurrentSession = new();

    internal static TestingSession? Current => CurrentSession.Value;

    /// <summary>An empty model in testing mode, for tests that compose their own resources.</summary>
    public static DistributedApplicationBuilder Create(params string[] args) => new(args, new TestingSession());

    public static async Task<DistributedApplicationBuilder> CreateAsync<TEntryPoint>(string[]? args = null, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        var entryPoint = typeof(TEntryPoint).Assembly.EntryPoint
            ?? throw new InvalidOperationException($"{typeof(TEntryPoint).Assembly.GetName().Name} has no entry point.");
        var session = new TestingSession();
        var main = Task.Run(() =>
        {
            CurrentSession.Value = session;
            entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args ?? []]);
        }, cancellationToken);

        await Task.WhenAny(session.Builder, main);
        if (session.Builder.IsCompleted) return await session.Builder;
        await main; // rethrows what the entry point threw
        throw new InvalidOperationException("The AppHost's entry point returned without building a DistributedApplication.");
    }
}

internal sealed class TestingSession
{
    private readonly TaskCompletionSource<DistributedApplicationBuilder> _builder = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<DistributedApplicationBuilder> Builder => _builder.Task;

    public void Built(DistributedApplicationBuilder builder) => _builder.TrySetResult(builder);
}
