using Microsoft.Extensions.DependencyInjection;
using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging.AsyncApi;

/// <summary>What one service declared in its messaging: the channels it publishes to and the messages it handles.</summary>
public sealed record MessagingDeclaration(string Service, IReadOnlyList<Channel> Publishes, IReadOnlyList<SubscribedMessage> Subscribes)
{
    /// <summary>Runs a service's declaration without starting it (its handlers are registered into a collection nobody builds).</summary>
    public static MessagingDeclaration Of(string service, Action<MessagingBuilder> declare)
    {
        var messaging = new MessagingBuilder(new ServiceCollection());
        declare(messaging);
        return From(service, messaging);
    }

    internal static MessagingDeclaration From(string service, MessagingBuilder messaging) => new(
        service,
        messaging.Published.OrderBy(channel => channel.Topic, StringComparer.Ordinal).ToList(),
        messaging.Subscriptions
            .OrderBy(subscription => subscription.Key, StringComparer.Ordinal)
            .Select(subscription => new SubscribedMessage(subscription.Key, subscription.Value.Channel))
            .ToList());
}

/// <summary>A message type a service handles, and the channel it reads it from.</summary>
public sealed record SubscribedMessage(string MessageType, Channel Channel);
