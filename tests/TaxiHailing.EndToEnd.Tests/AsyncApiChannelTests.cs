using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>The AppHost's broker and the AsyncAPI contract agree on the channels (the model is built, not started).</summary>
public sealed class AsyncApiChannelTests
{
    [Fact]
    public async Task The_AppHost_creates_exactly_the_channels_the_AsyncAPI_document_addresses()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TaxiHailing_AppHost>();
        var created = builder.Resources.Single(resource => resource.Name == "kafka")
            .Annotations.OfType<KafkaChannelAnnotation>()
            .Select(channel => channel.Topic);

        // The committed document, which the AsyncAPI tests and scripts/check-asyncapi.sh keep equal to the declarations.
        var document = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFile("contracts/asyncapi/taxihailing.json")))!;
        var addressed = document["channels"]!.AsObject()
            .Select(channel => channel.Value!["address"]?.GetValue<string>())
            .OfType<string>();

        Assert.NotEmpty(created);
        Assert.Equal(addressed.Order(), created.Order());
    }

    private static string RepositoryFile(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TaxiHailing.sln"))) return Path.Combine(directory.FullName, relativePath);
        }
        throw new InvalidOperationException("The tests do not run inside the repository.");
    }
}
