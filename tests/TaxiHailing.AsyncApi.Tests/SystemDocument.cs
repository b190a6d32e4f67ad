using System.Text.Json.Nodes;
using TaxiHailing.Messaging.AsyncApi;

namespace TaxiHailing.AsyncApi.Tests;

/// <summary>The system document as the tool makes it, and the repository it is committed in.</summary>
internal static class SystemDocument
{
    public static JsonObject Generated { get; } = AsyncApiDocument.ForSystem(SystemMessaging.Services);

    public static JsonObject Channels => Generated["channels"]!.AsObject();
    public static JsonObject Operations => Generated["operations"]!.AsObject();
    public static JsonObject Messages => Generated["components"]!["messages"]!.AsObject();

    /// <summary>Follows a local $ref ("#/channels/x/messages/y") through the document.</summary>
    public static JsonNode Resolve(JsonNode reference)
    {
        var pointer = reference["$ref"]!.GetValue<string>();
        Assert.StartsWith("#/", pointer);
        return pointer[2..].Split('/').Aggregate((JsonNode)Generated, (node, segment) =>
            node[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
            ?? throw new Xunit.Sdk.XunitException($"{pointer} names nothing in the document."));
    }

    public static string RepositoryFile(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TaxiHailing.sln"))) return Path.Combine(directory.FullName, relativePath);
        }
        throw new InvalidOperationException("The tests do not run inside the repository.");
    }
}
