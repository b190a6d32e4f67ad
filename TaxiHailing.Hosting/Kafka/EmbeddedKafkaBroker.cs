using System.Reflection;
using System.Runtime.InteropServices;

namespace TaxiHailing.Hosting;

/// <summary>
/// librdkafka's mock cluster, hosted in the AppHost process: a Kafka-protocol broker on 127.0.0.1 that keeps its
/// data in memory. It is reached through librdkafka's C API, from the same native library Confluent.Kafka loads.
/// </summary>
internal sealed partial class EmbeddedKafkaBroker : IDisposable
{
    private const string Library = "librdkafka";
    private const int AllBrokers = -1;
    private readonly nint _client;
    private readonly nint _cluster;

    private EmbeddedKafkaBroker(nint client, nint cluster)
    {
        _client = client;
        _cluster = cluster;
        BootstrapServers = Marshal.PtrToStringUTF8(MockClusterBootstraps(cluster)) ?? throw new InvalidOperationException("The mock cluster has no bootstrap address.");
    }

    public string BootstrapServers { get; }

    static EmbeddedKafkaBroker() => NativeLibrary.SetDllImportResolver(typeof(EmbeddedKafkaBroker).Assembly, Resolve);

    public static EmbeddedKafkaBroker Start(int brokerCount)
    {
        var errors = new byte[512];
        var configuration = ConfNew();
        // The mock cluster only needs this client for book-keeping; keep its own logging to errors.
        ConfSet(configuration, "log_level", "3", errors, errors.Length);
        var client = New(0 /* RD_KAFKA_PRODUCER */, configuration, errors, errors.Length);
        if (client == 0)
        {
            throw new InvalidOperationException($"librdkafka could not create a client: {System.Text.Encoding.UTF8.GetString(errors).TrimEnd('\0')}");
        }

        var cluster = MockClusterNew(client, brokerCount);
        if (cluster == 0)
        {
            Destroy(client);
            throw new InvalidOperationException("librdkafka could not create its mock cluster.");
        }

        // A consumer group forms as soon as its first member joins, instead of the broker's 3 s default wait.
        MockGroupInitialRebalanceDelay(cluster, 0);
        return new EmbeddedKafkaBroker(client, cluster);
    }

    public void CreateTopic(string topic, int partitions)
    {
        var error = MockTopicCreate(_cluster, topic, partitions, 1);
        if (error != 0) throw new InvalidOperationException($"Could not create topic '{topic}' (librdkafka error {error}).");
    }

    /// <summary>Disconnects every client and refuses new connections; the data stays.</summary>
    public void TakeDown() => MockBrokerSetDown(_cluster, AllBrokers);

    public void BringUp() => MockBrokerSetUp(_cluster, AllBrokers);

    public void Dispose()
    {
        MockClusterDestroy(_cluster);
        Destroy(_client);
    }

    /// <summary>The librdkafka file to load: the package's default build, or the variant that loads on this system.</summary>
    public static string NativeLibraryPath { get; } = FindNativeLibrary();

    private static string FindNativeLibrary()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        foreach (var file in (string[])["librdkafka.so", "centos8-librdkafka.so", "alpine-librdkafka.so"])
        {
            var path = Path.Combine(directory, file);
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out _)) return path;
        }

        throw new DllNotFoundException($"No loadable librdkafka in {directory}.");
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == Library ? NativeLibrary.Load(NativeLibraryPath) : 0;

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_new")]
    private static partial nint ConfNew();

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ConfSet(nint configuration, string name, string value, byte[] errors, nint errorsSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_new")]
    private static partial nint New(int type, nint configuration, byte[] errors, nint errorsSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_destroy")]
    private static partial void Destroy(nint client);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_new")]
    private static partial nint MockClusterNew(nint client, int brokerCount);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    private static partial void MockClusterDestroy(nint cluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    private static partial nint MockClusterBootstraps(nint cluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MockTopicCreate(nint cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    private static partial void MockGroupInitialRebalanceDelay(nint cluster, int delayMs);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_broker_set_down")]
    private static partial int MockBrokerSetDown(nint cluster, int brokerId);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_broker_set_up")]
    private static partial int MockBrokerSetUp(nint cluster, int brokerId);
}
