namespace TaxiHailing.Hosting;

/// <summary>
/// librdkafka's mock cluster in the AppHost process: a Kafka-protocol broker on 127.0.0.1 that keeps its data in
/// memory. It cannot bind a chosen port, so its address is known only once it has started.
/// </summary>
public sealed class EmbeddedKafkaResource(string name) : Resource(name), IResourceWithConnectionString
{
    private readonly TaskCompletionSource<string> _bootstrapServers = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal EmbeddedKafkaBroker? Broker { get; private set; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{new BootstrapServers(this)}");

    internal string Start()
    {
        Broker ??= EmbeddedKafkaBroker.Start(brokerCount: 1);
        _bootstrapServers.TrySetResult(Broker.BootstrapServers);
        return Broker.BootstrapServers;
    }

    internal void Stop()
    {
        Broker?.Dispose();
        Broker = null;
    }

    private sealed class BootstrapServers(EmbeddedKafkaResource kafka) : IValueProvider, IManifestExpressionProvider
    {
        public string ValueExpression => $"{{{kafka.Name}.connectionString}}";

        public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
            await kafka._bootstrapServers.Task.WaitAsync(cancellationToken);
    }
}
