using System.Reflection;
using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging.AsyncApi;

/// <summary>Every message record in the Contracts, by its message-type name, and which of them are requests.</summary>
internal static class ContractMessages
{
    public static IReadOnlyDictionary<string, Type> ByName { get; } = typeof(IMessage).Assembly.GetExportedTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(type))
        .ToDictionary(NameOf, StringComparer.Ordinal);

    public static Type TypeOf(string messageType) =>
        ByName.TryGetValue(messageType, out var type) ? type
            : throw new InvalidOperationException($"No record in TaxiHailing.Contracts has the message type {messageType}.");

    /// <summary>The message type that answers <paramref name="messageType"/> (declared with <see cref="IRequest{TReply}"/>); null for a message that asks for none.</summary>
    public static string? ReplyOf(string messageType) => TypeOf(messageType).GetInterfaces()
        .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IRequest<>))
        .Select(contract => NameOf(contract.GetGenericArguments()[0]))
        .SingleOrDefault();

    private static string NameOf(Type type) =>
        (string)type.GetProperty(nameof(IMessage.MessageType), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
