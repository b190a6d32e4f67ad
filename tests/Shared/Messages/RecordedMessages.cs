using System.Text;
using System.Text.Json;

namespace TaxiHailing.Testing;

/// <summary>
/// A recorded message (contracts/messages/fixtures/{message-type}/{case}.json): its channel, key, envelope headers
/// and body, the JSON exactly as its producer wrote it.
/// </summary>
public sealed record RecordedMessage(string MessageType, string Case, string Topic, string Key, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The case of a newer producer's message, with fields no reader knows yet.</summary>
    public const string ExtraFields = "extra-fields";

    public Guid MessageId => Guid.Parse(Headers["message-id"]);

    public byte[] BodyBytes => Encoding.UTF8.GetBytes(Body);

    public override string ToString() => $"{MessageType}/{Case}";
}

/// <summary>The committed fixtures: the record of what producers send. Tests read them and never write them.</summary>
public static class RecordedMessages
{
    public static string Folder { get; } = FindFolder();

    public static IReadOnlyList<RecordedMessage> All { get; } = Load();

    public static IReadOnlyList<RecordedMessage> Of(string messageType) => [.. All.Where(message => message.MessageType == messageType)];

    public static RecordedMessage Get(string messageType, string @case) =>
        All.SingleOrDefault(message => message.MessageType == messageType && message.Case == @case)
        ?? throw new InvalidOperationException($"No fixture {messageType}/{@case}.json under {Folder}.");

    private static List<RecordedMessage> Load() =>
    [
        .. Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(path =>
        {
            using var file = JsonDocument.Parse(File.ReadAllText(path));
            var json = file.RootElement;
            return new RecordedMessage(
                MessageType: Path.GetFileName(Path.GetDirectoryName(path))!,
                Case: Path.GetFileNameWithoutExtension(path),
                Topic: json.GetProperty("topic").GetString()!,
                Key: json.GetProperty("key").GetString()!,
                Headers: json.GetProperty("headers").EnumerateObject().ToDictionary(header => header.Name, header => header.Value.GetString()!),
                Body: json.GetProperty("body").GetString()!);
        }),
    ];

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var folder = Path.Combine(directory.FullName, "contracts", "messages", "fixtures");
            if (Directory.Exists(folder)) return folder;
        }

        throw new DirectoryNotFoundException($"No contracts/messages/fixtures above {AppContext.BaseDirectory}.");
    }
}
