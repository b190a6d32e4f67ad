using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging;

/// <summary>
/// What a consumer does with a message type its channel does not declare: a version of a family it reads is
/// dead-lettered as unsupported-version (the consumer is older, or newer, than the producer: replayable once they
/// agree); a version of a family the channel carries but this consumer ignores is skipped, as every version of it
/// would be; anything else is unknown-message-type.
/// </summary>
internal static class UndeclaredMessageTypes
{
    public const string UnsupportedVersion = "unsupported-version";
    public const string UnknownMessageType = "unknown-message-type";

    /// <summary>The dead letter's reason and error for <paramref name="messageType"/>; null when it is to be skipped.</summary>
    public static (string Reason, string Error)? Settle(Channel channel, IEnumerable<string> typesRead, string messageType)
    {
        if (MessageTypeName.TryParse(messageType) is not { } name || !Carries(channel, name.Family))
        {
            return (UnknownMessageType, $"{messageType} is not a message of {channel.Topic}.");
        }

        var versionsRead = typesRead.Select(MessageTypeName.TryParse).Where(read => read?.Family == name.Family)
            .Select(read => read!.Value.Version).Order().ToList();
        if (versionsRead.Count == 0) return null;

        var reads = string.Join(", ", versionsRead.Select(version => $"v{version}"));
        var error = $"{messageType} is a version of {name.Family} this consumer does not read (it reads {reads}); ";
        return (UnsupportedVersion, name.Version > versionsRead[^1]
            ? error + "upgrade the consumer, then replay this dead letter."
            : error + $"{channel.Topic} no longer carries it: it was published before that version left the channel, or by a producer that should have stopped.");
    }

    private static bool Carries(Channel channel, string family) =>
        channel.MessageTypes.Any(declared => MessageTypeName.TryParse(declared)?.Family == family);
}
