using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging;

/// <summary>
/// The one place where a service's message-type names meet CLR types: what it may publish, what it handles,
/// and the schema (JSON type info) of each.
/// </summary>
public sealed class MessageCatalog
{
    private readonly Dictionary<Type, string> _names = [];
    private readonly Dictionary<string, Func<byte[], object>> _readers = [];

    internal void Register<T>() where T : class, IMessage
    {
        _names[typeof(T)] = T.MessageType;
        _readers[T.MessageType] = body => JsonSerializer.Deserialize(body, TypeInfo<T>())
            ?? throw new JsonException($"The body of a {T.MessageType} is null.");
    }

    /// <summary>The message types this service reads: those it subscribed to.</summary>
    public IReadOnlyCollection<string> MessageTypes => _readers.Keys;

    public byte[] Serialize<T>(T message) where T : class, IMessage => JsonSerializer.SerializeToUtf8Bytes(message, TypeInfo<T>());

    /// <summary>Reads a body as the named type; throws <see cref="JsonException"/> when it is not one.</summary>
    public object Deserialize(string messageType, byte[] body) => _readers[messageType](body);

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>?)ContractsJsonContext.Default.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is missing from ContractsJsonContext.");
}
