using System.Reflection;
using TaxiHailing.Contracts;

namespace TaxiHailing.AsyncApi.Tests;

/// <summary>What the Contracts assembly declares, read here independently of the generator.</summary>
internal static class ContractTypes
{
    public static IReadOnlyDictionary<string, Type> Messages { get; } = typeof(IMessage).Assembly.GetExportedTypes()
        .Where(type => type.IsClass && typeof(IMessage).IsAssignableFrom(type))
        .ToDictionary(MessageTypeOf);

    /// <summary>Every channel the Contracts declare (the static Channel fields of TripsChannels, DispatchChannels, ...).</summary>
    public static IReadOnlyList<Channel> Channels { get; } = typeof(IMessage).Assembly.GetExportedTypes()
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(field => field.FieldType == typeof(Channel))
        .Select(field => (Channel)field.GetValue(null)!)
        .ToList();

    public static string MessageTypeOf(Type type) => (string)type.GetProperty(nameof(IMessage.MessageType))!.GetValue(null)!;

    public static Type? ReplyTypeOf(Type request) => request.GetInterfaces()
        .SingleOrDefault(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IRequest<>))
        ?.GetGenericArguments()[0];
}
