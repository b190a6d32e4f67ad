using System.Reflection;
using TaxiHailing.Contracts;

namespace TaxiHailing.Testing;

/// <summary>What TaxiHailing.Contracts declares: every message type and every channel.</summary>
public static class Contract
{
    public static IReadOnlyList<Type> MessageTypes { get; } =
        [.. typeof(IMessage).Assembly.GetTypes().Where(type => type.IsClass && type.IsAssignableTo(typeof(IMessage)))];

    public static IReadOnlyList<Channel> Channels { get; } =
    [
        .. typeof(IMessage).Assembly.GetTypes().SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(Channel)).Select(field => (Channel)field.GetValue(null)!),
    ];
}
