using Microsoft.Extensions.DependencyInjection;
using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging;

/// <summary>A handler of one message type; it runs inside the transaction that also records the message as processed.</summary>
public interface IMessageHandler<in T> where T : class, IMessage
{
    Task HandleAsync(T message, MessageContext context, CancellationToken cancellationToken);
}

/// <summary>What a service publishes and what it handles: one line per channel or subscription, in its Extensions.cs.</summary>
public sealed class MessagingBuilder(IServiceCollection services)
{
    internal HashSet<Channel> Published { get; } = [];
    internal Dictionary<string, Subscription> Subscriptions { get; } = [];
    internal MessageCatalog Catalog { get; } = new();

    public MessagingBuilder Publishes(Channel channel)
    {
        Published.Add(channel);
        return this;
    }

    public MessagingBuilder Subscribe<T, THandler>(Channel channel)
        where T : class, IMessage
        where THandler : class, IMessageHandler<T>
    {
        if (!channel.MessageTypes.Contains(T.MessageType))
        {
            throw new InvalidOperationException($"{T.MessageType} is not a message of channel {channel.Topic}.");
        }

        // A consumer reads one version of a message and skips the others its channel carries (docs/api-evolution.md).
        if (MessageTypeName.TryParse(T.MessageType) is { } name
            && Subscriptions.Keys.FirstOrDefault(read => MessageTypeName.TryParse(read)?.Family == name.Family) is { } other)
        {
            throw new InvalidOperationException($"{T.MessageType}: this service reads {other} already, and reads one version of a message.");
        }

        services.AddScoped<IMessageHandler<T>, THandler>();
        Catalog.Register<T>();
        Subscriptions[T.MessageType] = new Subscription(channel, (provider, message, context, cancellationToken) =>
            provider.GetRequiredService<IMessageHandler<T>>().HandleAsync((T)message, context, cancellationToken));
        return this;
    }
}

internal sealed record Subscription(Channel Channel, Func<IServiceProvider, object, MessageContext, CancellationToken, Task> Handle);

/// <summary>The subscriptions of this service's consumer group.</summary>
internal sealed class Subscriptions(IReadOnlyDictionary<string, Subscription> byMessageType)
{
    public IReadOnlyList<Channel> Channels { get; } = byMessageType.Values.Select(s => s.Channel).Distinct().ToList();

    public Channel ChannelOf(string topic) => Channels.Single(channel => channel.Topic == topic);

    public Subscription? For(string messageType) => byMessageType.GetValueOrDefault(messageType);

    public IEnumerable<string> MessageTypesOn(Channel channel) =>
        byMessageType.Where(subscription => subscription.Value.Channel == channel).Select(subscription => subscription.Key);
}
