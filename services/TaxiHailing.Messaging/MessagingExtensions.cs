using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TaxiHailing.Contracts;
using TaxiHailing.Messaging.AsyncApi;

namespace TaxiHailing.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Kafka messaging for a service: an idempotent producer behind a transactional outbox, a consumer group per
    /// channel it subscribes to (named <paramref name="service"/>.{topic}) with idempotent handlers and dead letters,
    /// and a broker health check. The broker is ConnectionStrings:{connectionName}; the outbox and processed-messages
    /// tables live in the service's own database (its NpgsqlDataSource).
    /// </summary>
    public static TBuilder AddKafkaMessaging<TBuilder>(
        this TBuilder builder, string service, Action<MessagingBuilder> configure, string connectionName = "kafka")
        where TBuilder : IHostApplicationBuilder
    {
        var bootstrapServers = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(bootstrapServers))
        {
            throw new InvalidOperationException(
                $"No Kafka bootstrap servers: set ConnectionStrings:{connectionName} (environment variable ConnectionStrings__{connectionName}).");
        }

        var messaging = new MessagingBuilder(builder.Services);
        configure(messaging);

        var services = builder.Services;
        services.AddSingleton(new KafkaSettings(bootstrapServers, service));
        services.AddSingleton(messaging.Catalog);
        services.AddSingleton(new Subscriptions(messaging.Subscriptions));
        services.AddSingleton(new PublishedChannels(messaging.Published));
        services.AddSingleton(MessagingDeclaration.From(service, messaging));
        services.AddSingleton<KafkaProducer>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<IdempotentHandler>();
        services.AddSingleton<DeadLetters>();
        // Hosted services start in this order: the tables exist before the relay and the consumer need them.
        services.AddHostedService<MessagingSchemaInitializer>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<MessageConsumer>();
        services.AddHealthChecks().AddCheck<KafkaHealthCheck>(connectionName);
        return builder;
    }

    private sealed class MessagingSchemaInitializer(NpgsqlDataSource dataSource) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => MessagingSchema.EnsureAsync(dataSource, cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>The channels this service declared it publishes to; the outbox refuses any other.</summary>
public sealed class PublishedChannels(IReadOnlySet<Channel> channels)
{
    public bool Contains(Channel channel) => channels.Contains(channel);

    public Channel? Find(string topic) => channels.FirstOrDefault(channel => channel.Topic == topic);
}
