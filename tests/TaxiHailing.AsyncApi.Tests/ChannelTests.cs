using TaxiHailing.Messaging.AsyncApi;

namespace TaxiHailing.AsyncApi.Tests;

public sealed class ChannelTests
{
    [Fact]
    public void The_committed_document_is_what_the_declarations_produce()
    {
        var committed = File.ReadAllText(SystemDocument.RepositoryFile("contracts/asyncapi/taxihailing.json"));

        Assert.True(committed == SystemMessaging.Document(),
            "contracts/asyncapi/taxihailing.json is out of date: dotnet run --project tools/TaxiHailing.AsyncApi -- write contracts/asyncapi/taxihailing.json");
    }

    [Fact]
    public void Every_channel_of_the_contracts_is_a_channel_of_the_document_addressed_by_its_topic_with_its_messages()
    {
        var addressed = SystemDocument.Channels.Where(channel => channel.Value!["address"] is not null).Select(channel => channel.Key);

        Assert.Equal(ContractTypes.Channels.Select(channel => channel.Topic).Order(), addressed.Order());
        foreach (var channel in ContractTypes.Channels)
        {
            var document = SystemDocument.Channels[channel.Topic]!;
            Assert.Equal(channel.Topic, document["address"]!.GetValue<string>());
            Assert.Equal(channel.MessageTypes, document["messages"]!.AsObject().Select(message => message.Key));
        }
    }

    [Fact]
    public void Every_channel_a_service_declares_is_in_its_own_view()
    {
        foreach (var service in SystemMessaging.Services)
        {
            var view = AsyncApiDocument.ForService(service);
            var declared = service.Publishes.Concat(service.Subscribes.Select(subscribed => subscribed.Channel)).Select(channel => channel.Topic).Distinct();

            var addressed = view["channels"]!.AsObject().Where(channel => channel.Value!["address"] is not null).Select(channel => channel.Key);
            Assert.Equal(declared.Order(), addressed.Order());
            Assert.All(view["operations"]!.AsObject(), operation => Assert.Equal(service.Service, operation.Value!["x-service"]!.GetValue<string>()));
        }
    }
}
